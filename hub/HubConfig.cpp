#include "HubConfig.h"

#include "floor/KeywordRules.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>
#include <QTextStream>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

Error bad(const QString& message)
{
    return makeError(ErrorCode::InvalidParams, message);
}

} // namespace

Result<QStringList> configFileArguments(const QString& path, const QList<QCommandLineOption>& known)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return bad(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    QStringList arguments;
    QTextStream in(&file);
    int lineNumber = 0;
    while (!in.atEnd()) {
        ++lineNumber;
        const QString line = in.readLine().trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const auto where = [&] { return QStringLiteral("%1:%2: ").arg(path).arg(lineNumber); };
        const qsizetype equals = line.indexOf(u'=');
        if (equals <= 0)
            return bad(where() + QStringLiteral("expected key = value"));
        const QString key = line.left(equals).trimmed();
        QString value = line.mid(equals + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2);
        const auto option =
            std::find_if(known.cbegin(), known.cend(), [&key](const QCommandLineOption& candidate) {
                return candidate.names().contains(key);
            });
        if (option == known.cend() || key == QStringLiteral("config") ||
            key == QStringLiteral("check-config"))
            return bad(where() + QStringLiteral("unknown key \"%1\"").arg(key));
        if (option->valueName().isEmpty()) {
            if (value == QStringLiteral("true"))
                arguments.append(QStringLiteral("--") + key);
            else if (value != QStringLiteral("false"))
                return bad(where() + QStringLiteral("%1 is true or false").arg(key));
            continue;
        }
        if (value.isEmpty())
            continue; // as if not set: the default stands
        arguments.append(QStringLiteral("--") + key + u'=' + value);
    }
    return arguments;
}

Result<QSslConfiguration> loadTlsFiles(const QString& certificatePath, const QString& keyPath)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificatePath, QSsl::Pem);
    if (chain.isEmpty())
        return bad(QStringLiteral("no PEM certificate in %1").arg(certificatePath));
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return bad(QStringLiteral("cannot read key %1: %2").arg(keyPath, keyFile.errorString()));
    const QByteArray pem = keyFile.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return bad(QStringLiteral("no usable PEM private key in %1").arg(keyPath));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

Result<QString> checkConfig(const HubOptions& options)
{
    const QFileInfo dataDir(options.dataDir);
    if (dataDir.exists()) {
        if (!dataDir.isDir())
            return bad(QStringLiteral("data directory %1 is not a directory").arg(options.dataDir));
        if (!dataDir.isWritable())
            return bad(QStringLiteral("data directory %1 is not writable").arg(options.dataDir));
        const QFileInfo database(
            QDir(options.dataDir).filePath(QStringLiteral("qidong-hub.sqlite")));
        if (database.exists() && (!database.isReadable() || !database.isWritable()))
            return bad(
                QStringLiteral("%1 is not readable and writable").arg(database.absoluteFilePath()));
    } else {
        // Created at start: its nearest existing parent must let us.
        QFileInfo parent(dataDir.absolutePath());
        while (!parent.exists() && !parent.isRoot())
            parent = QFileInfo(parent.absolutePath());
        if (!parent.isWritable())
            return bad(QStringLiteral("data directory %1 cannot be created: %2 is not writable")
                           .arg(options.dataDir, parent.absoluteFilePath()));
    }
    if (!options.certificatePath.isEmpty()) {
        const Result<QSslConfiguration> tls =
            loadTlsFiles(options.certificatePath, options.keyPath);
        if (!tls)
            return tls.error();
    }
    if (!options.alertKeywordsFile.isEmpty()) {
        const Result<KeywordRules> rules = KeywordRules::fromFile(options.alertKeywordsFile);
        if (!rules)
            return rules.error();
    }
    const QString scheme =
        options.certificatePath.isEmpty() ? QStringLiteral("ws") : QStringLiteral("wss");
    QString summary =
        QStringLiteral("configuration OK: data in %1; agents on %2://%3:%4; media from port %5")
            .arg(QFileInfo(options.dataDir).absoluteFilePath(), scheme, options.address.toString())
            .arg(options.port)
            .arg(options.mediaPort);
    if (options.webEnabled)
        summary += QStringLiteral("; web on %1:%2")
                       .arg(options.webAddress.toString())
                       .arg(options.webPort);
    return summary;
}

} // namespace qidong::hub
