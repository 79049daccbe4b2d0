#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

#include <memory>

namespace qidong::core {

// The organisation's settings for every user of a machine, put in place by
// IT (docs/packaging.md): QSettings' system scope, i.e.
// /etc/xdg/Qidong/qidong-desktop.conf on Linux and
// %ProgramData%\Qidong\qidong-desktop.ini on Windows, or the file
// $QIDONG_SITE_SETTINGS names. A key set there is every user's default; a
// key listed under [locked] (`keys = signIn/hubUrl, …`) is fixed: the
// user's own value is ignored and the desktop shows it read-only.
class SiteSettings final
{
public:
    SiteSettings();
    explicit SiteSettings(const QString& path);

    // What applies: the site's if locked, else the user's own, else the
    // site's, else `fallback`.
    QVariant value(const QString& key, const QVariant& fallback = {}) const;
    bool isLocked(const QString& key) const;
    // Stores the user's own value; refused (false) for a locked key.
    bool setValue(const QString& key, const QVariant& value);
    QString path() const { return m_site->fileName(); }

private:
    std::unique_ptr<QSettings> m_site;
};

} // namespace qidong::core
