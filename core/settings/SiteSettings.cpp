#include "SiteSettings.h"

#include <QCoreApplication>

namespace qidong::core {

namespace {

QString sitePath()
{
    const QString chosen = qEnvironmentVariable("QIDONG_SITE_SETTINGS");
    if (!chosen.isEmpty())
        return chosen;
    return QSettings(QSettings::IniFormat, QSettings::SystemScope,
                     QCoreApplication::organizationName(), QCoreApplication::applicationName())
        .fileName();
}

} // namespace

SiteSettings::SiteSettings()
    : SiteSettings(sitePath())
{}

SiteSettings::SiteSettings(const QString& path)
    : m_site(std::make_unique<QSettings>(path, QSettings::IniFormat))
{}

QVariant SiteSettings::value(const QString& key, const QVariant& fallback) const
{
    if (isLocked(key))
        return m_site->value(key, fallback);
    // The user's own value only: QSettings would otherwise fall back to the
    // system files itself, and a different site file would be missed.
    QSettings user;
    user.setFallbacksEnabled(false);
    if (user.contains(key))
        return user.value(key);
    return m_site->value(key, fallback);
}

bool SiteSettings::setValue(const QString& key, const QVariant& value)
{
    if (isLocked(key))
        return false;
    QSettings().setValue(key, value);
    return true;
}

bool SiteSettings::isLocked(const QString& key) const
{
    // `keys = a, b` reads as a list; a single key as a string.
    QStringList locked = m_site->value(QStringLiteral("locked/keys")).toStringList();
    if (locked.size() == 1)
        locked = locked.first().split(u',', Qt::SkipEmptyParts);
    for (const QString& entry : std::as_const(locked))
        if (entry.trimmed() == key)
            return m_site->contains(key);
    return false;
}

} // namespace qidong::core
