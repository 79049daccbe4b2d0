#include "LinkRelay.h"
#include "SignInFlow.h"
#include "core/alerts/Ringer.h"
#include "core/connection/HubConnection.h"
#include "core/credentials/CredentialStore.h"
#include "core/links/DesktopLink.h"
#include "core/session/AgentSession.h"
#include "core/settings/SettingKeys.h"
#include "core/settings/SettingsMigration.h"
#include "core/settings/SiteSettings.h"
#include "core/voice/CallDesk.h"
#include "core/voice/VoiceEngine.h"
#include "ui/shell/Theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QNetworkInformation>
#include <QSettings>
#include <QTimer>
#include <QTranslator>
#include <QWindow>

#include <cstdio>

namespace {

// Installs the translation for `language` ("zh_CN", "en"), replacing the last.
void useLanguage(QTranslator& translator, const QString& language)
{
    QApplication::removeTranslator(&translator);
    if (translator.load(QStringLiteral("qidong_") + language, QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("qidong-desktop"));
    QApplication::setOrganizationName(QStringLiteral("Qidong"));
    QApplication::setApplicationVersion(QStringLiteral(QIDONG_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Qidong agent desktop for customer engagement centers"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("hub"), QStringLiteral("Hub URL (demo and tests)."), QStringLiteral("url")},
        {QStringLiteral("user"), QStringLiteral("Sign in as this user (demo and tests)."),
         QStringLiteral("name")},
        {QStringLiteral("password-env"),
         QStringLiteral("Read the password from this environment variable (demo and tests only)."),
         QStringLiteral("variable")},
        {QStringLiteral("language"), QStringLiteral("zh_CN or en."), QStringLiteral("language")},
    });
    parser.addPositionalArgument(
        QStringLiteral("link"),
        QStringLiteral("tel:NUMBER, qidong:dial?number=NUMBER or qidong:call?customer=ID: dial"
                       " it; qidong:customer?id=ID (or phone=, email=, wechat=): open the"
                       " customer (handed to the desktop already running, if there is one)."),
        QStringLiteral("[link...]"));
    parser.process(app);

    // A link clicked while the desktop runs goes to that desktop.
    QStringList links;
    for (const QString& argument : parser.positionalArguments())
        if (qidong::core::DesktopLink::looksLikeLink(argument))
            links.append(argument);
    qidong::app::LinkRelay relay(qidong::app::LinkRelay::defaultName());
    if (!links.isEmpty() && relay.forward(links))
        return 0;

    namespace Key = qidong::core::SettingKey;
    {
        QSettings user;
        const auto migrated = qidong::core::SettingsMigration::run(user);
        if (migrated.newerThanThisVersion)
            qWarning("Settings in %s were written by a newer Qidong (layout %d); keys this"
                     " version does not know are kept as they are.",
                     qPrintable(user.fileName()), migrated.from);
        else if (!migrated.changedKeys.isEmpty())
            qInfo("Settings in %s moved from layout %d to %d (%s)%s", qPrintable(user.fileName()),
                  migrated.from, migrated.to, qPrintable(migrated.changedKeys.join(u", ")),
                  migrated.saved ? "" : ", not saved: the file cannot be written");
    }

    QTranslator translator;
    const QString language =
        parser.isSet(QStringLiteral("language"))
            ? parser.value(QStringLiteral("language"))
            : qidong::core::SiteSettings()
                  .value(Key::language, QLocale().name().startsWith(u"zh") ? QStringLiteral("zh_CN")
                                                                           : QStringLiteral("en"))
                  .toString();
    useLanguage(translator, language);
    qidong::ui::Theme::apply(
        qidong::ui::Theme::fromName(qidong::core::SiteSettings().value(Key::theme).toString()));

    qidong::core::HubConnection connection({});
    qidong::core::AgentSession session(connection);
    session.setLanguage(language == QStringLiteral("zh_CN") ? QStringLiteral("zh-CN")
                                                            : QStringLiteral("en"));
    // A laptop that changes networks or wakes up should not wait for two
    // missed heartbeats: reconnect as soon as the OS says the network is back.
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        QObject::connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged,
                         &connection,
                         [&connection](QNetworkInformation::Reachability reachability) {
                             if (reachability == QNetworkInformation::Reachability::Online)
                                 connection.reconnectNow();
                         });
    }
    qidong::core::CredentialStore credentials;
    // An offer rings on the device chosen in settings until it is answered.
    qidong::core::Ringer ringer;
    qidong::app::SignInFlow flow(connection, session, credentials);
    const auto applySettings = [&ringer, &flow] {
        const qidong::core::SiteSettings settings;
        ringer.setDeviceId(settings.value(Key::ringDevice).toByteArray());
        ringer.setVolume(settings.value(Key::ringVolume, 80).toFloat() / 100.0f);
        qidong::core::VoiceEngine& voice = flow.voiceEngine();
        voice.setDevices(settings.value(Key::inputDevice).toByteArray(),
                         settings.value(Key::outputDevice).toByteArray());
        voice.setProcessing({settings.value(Key::echoCancellation, true).toBool(),
                             settings.value(Key::noiseSuppression, true).toBool(),
                             settings.value(Key::gainControl, true).toBool()});
        qidong::ui::Theme::apply(
            qidong::ui::Theme::fromName(settings.value(Key::theme).toString()));
    };
    applySettings();
    QObject::connect(&session, &qidong::core::AgentSession::offerReceived, &ringer,
                     &qidong::core::Ringer::start);
    QObject::connect(&session, &qidong::core::AgentSession::offerEnded, &ringer,
                     &qidong::core::Ringer::stop);
    // A colleague asking to consult rings like an offer until answered.
    qidong::core::CallDesk& calls = flow.callDesk();
    QObject::connect(&calls, &qidong::core::CallDesk::consultChanged, &ringer,
                     [&ringer, &calls, ringingForConsult = false]() mutable {
                         const auto now = calls.consultation();
                         const bool asked = calls.isConsulted() &&
                                            now->stage == qidong::protocol::ConsultStage::Ringing;
                         if (asked && !ringingForConsult)
                             ringer.start();
                         else if (!asked && ringingForConsult)
                             ringer.stop();
                         ringingForConsult = asked;
                     });
    QObject::connect(&flow, &qidong::app::SignInFlow::settingsApplied, &app, [&] {
        applySettings();
        const QString chosen = qidong::core::SiteSettings().value(Key::language).toString();
        useLanguage(translator, chosen);
        session.setLanguage(chosen == QStringLiteral("zh_CN") ? QStringLiteral("zh-CN")
                                                              : QStringLiteral("en"));
    });
    QObject::connect(
        &flow, &qidong::app::SignInFlow::languageChosen, &app, [&](const QString& chosen) {
            useLanguage(translator, chosen);
            session.setLanguage(chosen == QStringLiteral("zh_CN") ? QStringLiteral("zh-CN")
                                                                  : QStringLiteral("en"));
        });

    qidong::ui::SignInRequest fromCommandLine;
    fromCommandLine.hubUrl = QUrl(parser.value(QStringLiteral("hub")));
    fromCommandLine.username = parser.value(QStringLiteral("user"));
    if (parser.isSet(QStringLiteral("password-env")))
        fromCommandLine.password =
            qEnvironmentVariable(qPrintable(parser.value(QStringLiteral("password-env"))));
    flow.start(fromCommandLine);
    relay.listen();
    QObject::connect(&relay, &qidong::app::LinkRelay::linkReceived, &flow,
                     &qidong::app::SignInFlow::openLink);
    for (const QString& link : std::as_const(links))
        flow.openLink(link);
    // For tools/bench: say when the first window is on screen, then quit.
    if (qEnvironmentVariableIsSet("QIDONG_REPORT_SHOWN")) {
        QObject::connect(&app, &QGuiApplication::focusWindowChanged, &app, [](QWindow* window) {
            if (window && window->isExposed()) {
                std::printf("qidong-desktop: shown\n");
                std::fflush(stdout);
                QCoreApplication::quit();
            }
        });
        QTimer::singleShot(0, &app, [] {
            for (QWindow* window : QGuiApplication::topLevelWindows()) {
                if (window->isVisible()) {
                    std::printf("qidong-desktop: shown\n");
                    std::fflush(stdout);
                    QCoreApplication::quit();
                    return;
                }
            }
        });
    }
    return QApplication::exec();
}
