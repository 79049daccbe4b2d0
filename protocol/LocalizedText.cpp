#include "LocalizedText.h"

#include "FieldReader.h"

namespace qidong::protocol {

QString LocalizedText::forLanguage(QStringView language) const
{
    const bool chinese = language.startsWith(u"zh");
    const QString& preferred = chinese ? zh : en;
    return preferred.isEmpty() ? (chinese ? en : zh) : preferred;
}

QJsonObject LocalizedText::toJson() const
{
    return {{QStringLiteral("zh"), zh}, {QStringLiteral("en"), en}};
}

Result<LocalizedText> LocalizedText::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    LocalizedText text;
    text.zh = reader.optionalString(QLatin1StringView("zh")).value_or(QString());
    text.en = reader.optionalString(QLatin1StringView("en")).value_or(QString());
    if (reader.ok() && text.zh.isEmpty() && text.en.isEmpty())
        reader.fail(QLatin1StringView("zh"), QStringLiteral("a zh or en text is required"));
    if (!reader.ok())
        return reader.error();
    return text;
}

} // namespace qidong::protocol
