#pragma once

#include "protocol/DomainEnums.h"

#include <QCoreApplication>

namespace qidong::models {

// What agents read for protocol enums, translated.
class DomainText final
{
    Q_DECLARE_TR_FUNCTIONS(DomainText)

public:
    static QString channel(protocol::Channel channel);
    static QString interactionState(protocol::InteractionState state);
    static QString presence(protocol::Presence presence);
    // A duration as a clock: 4:05, 1:02:03 (negative counts as zero).
    static QString clock(qint64 ms);
};

} // namespace qidong::models
