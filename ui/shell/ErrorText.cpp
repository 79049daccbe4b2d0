#include "ErrorText.h"

namespace qidong::ui {

using protocol::ErrorCode;

QString ErrorText::describe(const protocol::Error& error)
{
    // Refusals the agent can act on say why, in their language.
    const QString reason = error.details.value(QLatin1StringView("reason")).toString();
    if (reason == QLatin1StringView("no-trunk"))
        return tr("No phone line: the hub has no telephone trunk connected.");
    if (reason == QLatin1StringView("unreachable"))
        return tr("The customer cannot be reached: they left the web page and there is no phone "
                  "line to call them on.");
    switch (error.code) {
    case ErrorCode::InvalidCredentials:
        return tr("Wrong username or password.");
    case ErrorCode::Throttled: {
        const qint64 seconds =
            (error.details.value(QLatin1StringView("retryAfterMs")).toInteger() + 999) / 1000;
        return tr("Too many failed sign-ins. Try again in %n second(s).", nullptr,
                  static_cast<int>(seconds));
    }
    case ErrorCode::SessionInvalid:
        return tr("Your session has ended. Please sign in again.");
    case ErrorCode::NotConnected:
        return tr("Cannot reach the hub. Check the address and your network.");
    case ErrorCode::Timeout:
        return tr("The hub did not answer in time.");
    case ErrorCode::Draining:
        return tr("The hub is restarting. Try again in a moment.");
    case ErrorCode::UnsupportedVersion:
        return tr("This desktop is too old or too new for the hub. Please update.");
    case ErrorCode::Forbidden:
        return tr("You are not allowed to do that.");
    case ErrorCode::InvalidTransition:
        return tr("That is not possible right now.");
    case ErrorCode::StorageFailure:
        return tr("The hub could not save the change. Nothing was changed.");
    default:
        return tr("Something went wrong (%1).").arg(protocol::errorCodeName(error.code));
    }
}

} // namespace qidong::ui
