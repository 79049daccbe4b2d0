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
};

} // namespace qidong::models
