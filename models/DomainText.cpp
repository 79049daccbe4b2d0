#include "DomainText.h"

#include <algorithm>

namespace qidong::models {

using namespace qidong::protocol;

QString DomainText::channel(Channel channel)
{
    switch (channel) {
    case Channel::Voice:
        return tr("Voice");
    case Channel::Chat:
        return tr("Chat");
    case Channel::Social:
        return tr("Social");
    case Channel::Email:
        return tr("Email");
    case Channel::Sms:
        return tr("SMS");
    case Channel::Callback:
        return tr("Callback");
    case Channel::Outbound:
        return tr("Outbound call");
    }
    return {};
}

QString DomainText::interactionState(InteractionState state)
{
    switch (state) {
    case InteractionState::Queued:
        return tr("Waiting");
    case InteractionState::Offered:
        return tr("Offered");
    case InteractionState::Active:
        return tr("Active");
    case InteractionState::Held:
        return tr("On hold");
    case InteractionState::WrapUp:
        return tr("Wrap-up");
    case InteractionState::Ended:
        return tr("Ended");
    }
    return {};
}

QString DomainText::presence(Presence presence)
{
    switch (presence) {
    case Presence::Offline:
        return tr("Offline");
    case Presence::Ready:
        return tr("Ready");
    case Presence::NotReady:
        return tr("Not Ready");
    case Presence::Busy:
        return tr("Busy");
    case Presence::AfterCallWork:
        return tr("After-call work");
    }
    return {};
}

QString DomainText::clock(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(ms, 0) / 1000;
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace qidong::models
