#include "FieldReader.h"

#include <cmath>

namespace qidong::protocol {

std::optional<qint64> toBoundedInteger(const QJsonValue& value, qint64 min, qint64 max)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::trunc(number) != number)
        return std::nullopt;
    if (number < static_cast<double>(min) || number > static_cast<double>(max))
        return std::nullopt;
    return static_cast<qint64>(number);
}

FieldReader::FieldReader(const QJsonObject& object, QString path, ErrorCode failureCode)
    : m_object(object)
    , m_path(std::move(path))
    , m_failureCode(failureCode)
{}

QString FieldReader::pathOf(QLatin1StringView key) const
{
    return m_path.isEmpty() ? QString(key) : m_path + u'.' + key;
}

bool FieldReader::present(QLatin1StringView key) const
{
    const QJsonValue value = m_object.value(key);
    return !value.isUndefined() && !value.isNull();
}

void FieldReader::fail(QLatin1StringView key, const QString& what)
{
    if (!m_error)
        m_error = makeError(m_failureCode, pathOf(key) + QStringLiteral(": ") + what,
                            QJsonObject{{QStringLiteral("field"), pathOf(key)}});
}

void FieldReader::adopt(const Error& nested)
{
    if (!m_error)
        m_error = Error{m_failureCode, nested.message, nested.details};
}

Error FieldReader::error() const
{
    return m_error.value_or(makeError(ErrorCode::Internal, QStringLiteral("no error")));
}

QString FieldReader::string(QLatin1StringView key, int maxLength, int minLength)
{
    if (!ok())
        return {};
    if (!present(key)) {
        fail(key, QStringLiteral("required"));
        return {};
    }
    const QJsonValue value = m_object.value(key);
    if (!value.isString()) {
        fail(key, QStringLiteral("expected a string"));
        return {};
    }
    QString text = value.toString();
    if (text.size() > maxLength || text.size() < minLength) {
        fail(key, QStringLiteral("length must be %1..%2").arg(minLength).arg(maxLength));
        return {};
    }
    return text;
}

std::optional<QString> FieldReader::optionalString(QLatin1StringView key, int maxLength)
{
    if (!ok() || !present(key))
        return std::nullopt;
    QString text = string(key, maxLength, 0);
    if (!ok())
        return std::nullopt;
    return text;
}

qint64 FieldReader::integer(QLatin1StringView key, qint64 min, qint64 max)
{
    if (!ok())
        return min;
    if (!present(key)) {
        fail(key, QStringLiteral("required"));
        return min;
    }
    const std::optional<qint64> number = toBoundedInteger(m_object.value(key), min, max);
    if (!number) {
        fail(key, QStringLiteral("expected an integer in %1..%2").arg(min).arg(max));
        return min;
    }
    return *number;
}

std::optional<qint64> FieldReader::optionalInteger(QLatin1StringView key, qint64 min, qint64 max)
{
    if (!ok() || !present(key))
        return std::nullopt;
    const qint64 number = integer(key, min, max);
    if (!ok())
        return std::nullopt;
    return number;
}

bool FieldReader::boolean(QLatin1StringView key)
{
    if (!ok())
        return false;
    const QJsonValue value = m_object.value(key);
    if (!value.isBool()) {
        fail(key,
             present(key) ? QStringLiteral("expected true or false") : QStringLiteral("required"));
        return false;
    }
    return value.toBool();
}

std::optional<bool> FieldReader::optionalBoolean(QLatin1StringView key)
{
    if (!ok() || !present(key))
        return std::nullopt;
    const bool flag = boolean(key);
    if (!ok())
        return std::nullopt;
    return flag;
}

QJsonObject FieldReader::object(QLatin1StringView key)
{
    if (!ok())
        return {};
    const QJsonValue value = m_object.value(key);
    if (!value.isObject()) {
        fail(key, present(key) ? QStringLiteral("expected an object") : QStringLiteral("required"));
        return {};
    }
    return value.toObject();
}

std::optional<QJsonObject> FieldReader::optionalObject(QLatin1StringView key)
{
    if (!ok() || !present(key))
        return std::nullopt;
    QJsonObject nested = object(key);
    if (!ok())
        return std::nullopt;
    return nested;
}

QJsonArray FieldReader::array(QLatin1StringView key, int maxItems)
{
    if (!ok())
        return {};
    const QJsonValue value = m_object.value(key);
    if (!value.isArray()) {
        fail(key, present(key) ? QStringLiteral("expected an array") : QStringLiteral("required"));
        return {};
    }
    QJsonArray items = value.toArray();
    if (items.size() > maxItems) {
        fail(key, QStringLiteral("at most %1 items").arg(maxItems));
        return {};
    }
    return items;
}

QStringList FieldReader::stringList(QLatin1StringView key, int maxItems, int maxLength)
{
    const QJsonArray items = array(key, maxItems);
    QStringList strings;
    strings.reserve(items.size());
    for (const QJsonValue& item : items) {
        if (!item.isString() || item.toString().isEmpty() || item.toString().size() > maxLength) {
            fail(key, QStringLiteral("expected strings of length 1..%1").arg(maxLength));
            return {};
        }
        strings.append(item.toString());
    }
    return strings;
}

} // namespace qidong::protocol
