#pragma once

#include "Result.h"

#include <QJsonObject>
#include <QString>

namespace qidong::protocol {

// A name shown to people, in Chinese and English: {"zh":"午餐","en":"Lunch"}.
struct LocalizedText final
{
    QString zh;
    QString en;

    // The text for a BCP 47 language ("zh-CN", "en"); falls back to the other.
    QString forLanguage(QStringView language) const;

    QJsonObject toJson() const;
    static Result<LocalizedText> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const LocalizedText&, const LocalizedText&) = default;
};

} // namespace qidong::protocol
