#pragma once

#include "FieldReader.h"

#include <QJsonArray>
#include <QList>

namespace qidong::protocol {

// Reads an array of objects into value types with T::fromJson(object, path).
template <typename T>
QList<T> readList(FieldReader& reader, QLatin1StringView key, int maxItems = kMaxListItems)
{
    const QJsonArray items = reader.array(key, maxItems);
    QList<T> values;
    values.reserve(items.size());
    for (qsizetype i = 0; i < items.size() && reader.ok(); ++i) {
        const QString path = reader.pathOf(key) + u'[' + QString::number(i) + u']';
        if (!items.at(i).isObject()) {
            reader.adopt(
                makeError(ErrorCode::InvalidParams, path + QStringLiteral(": expected an object")));
            break;
        }
        Result<T> value = T::fromJson(items.at(i).toObject(), path);
        if (!value) {
            reader.adopt(value.error());
            break;
        }
        values.append(std::move(value).value());
    }
    return values;
}

// Reads a nested object into a value type with T::fromJson(object, path).
template <typename T> T readObject(FieldReader& reader, QLatin1StringView key)
{
    const QJsonObject json = reader.object(key);
    if (!reader.ok())
        return {};
    Result<T> value = T::fromJson(json, reader.pathOf(key));
    if (!value) {
        reader.adopt(value.error());
        return {};
    }
    return std::move(value).value();
}

template <typename T> QJsonArray writeList(const QList<T>& values)
{
    QJsonArray items;
    for (const T& value : values)
        items.append(value.toJson());
    return items;
}

} // namespace qidong::protocol
