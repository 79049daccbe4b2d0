#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace qidong::hub {

// Short-lived links to call recordings for the timeline's "recording link":
// the hub's web port serves /recordings/<token> for five minutes after an
// agent or supervisor asked for it (customer.recordingLink, audited). The
// tokens live in memory only; a hub restart ends them.
class RecordingLinks final
{
    Q_DISABLE_COPY_MOVE(RecordingLinks)

public:
    RecordingLinks() = default;

    void setDir(const QString& dir) { m_dir = dir; }
    // The recording of an interaction (its first part), if there is one.
    std::optional<QString> fileOf(const QString& interactionId) const;
    // A token for it; empty when there is no recording.
    QString issue(const QString& interactionId);
    // The file a token opens, while it is valid.
    std::optional<QString> open(const QString& token);

private:
    struct Link
    {
        QString path;
        qint64 expiresAtMs = 0;
    };

    QString m_dir;
    QHash<QString, Link> m_links;
};

} // namespace qidong::hub
