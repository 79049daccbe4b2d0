#include "RecordingLinks.h"

#include "Clock.h"
#include "auth/SecretToken.h"

#include <QFileInfo>

namespace qidong::hub {

namespace {

constexpr qint64 kLinkLifetimeMs = 5 * 60 * 1000;

} // namespace

std::optional<QString> RecordingLinks::fileOf(const QString& interactionId) const
{
    // Ids are the hub's own ("i-…", "h-…"); anything else is no file name.
    if (m_dir.isEmpty() || interactionId.isEmpty() || interactionId.contains(u'/') ||
        interactionId.contains(u'\\') || interactionId.startsWith(u'.'))
        return std::nullopt;
    const QString path = m_dir + u'/' + interactionId + QStringLiteral(".opus");
    if (!QFileInfo(path).isFile())
        return std::nullopt;
    return path;
}

QString RecordingLinks::issue(const QString& interactionId)
{
    const std::optional<QString> path = fileOf(interactionId);
    if (!path)
        return {};
    const qint64 now = nowMs();
    // Expired links go when a new one is made: the map stays small.
    for (auto it = m_links.begin(); it != m_links.end();)
        it = it->expiresAtMs < now ? m_links.erase(it) : std::next(it);
    const QString token = SecretToken::generate();
    m_links.insert(token, {*path, now + kLinkLifetimeMs});
    return token;
}

std::optional<QString> RecordingLinks::open(const QString& token)
{
    const auto it = m_links.constFind(token);
    if (it == m_links.constEnd() || it->expiresAtMs < nowMs())
        return std::nullopt;
    return it->path;
}

} // namespace qidong::hub
