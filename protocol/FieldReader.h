#pragma once

#include "Error.h"
#include "Limits.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace qidong::protocol {

// Reads fields of an untrusted JSON object, checking type and range of each.
// The first failure is remembered (with the field's path) and later reads
// return empty values, so a decoder reads everything and checks ok() once.
class FieldReader final
{
public:
    explicit FieldReader(const QJsonObject& object, QString path = {},
                         ErrorCode failureCode = ErrorCode::InvalidParams);

    QString string(QLatin1StringView key, int maxLength = kMaxNameLength, int minLength = 1);
    std::optional<QString> optionalString(QLatin1StringView key, int maxLength = kMaxNameLength);
    qint64 integer(QLatin1StringView key, qint64 min, qint64 max);
    std::optional<qint64> optionalInteger(QLatin1StringView key, qint64 min, qint64 max);
    bool boolean(QLatin1StringView key);
    std::optional<bool> optionalBoolean(QLatin1StringView key);
    QJsonObject object(QLatin1StringView key);
    std::optional<QJsonObject> optionalObject(QLatin1StringView key);
    QJsonArray array(QLatin1StringView key, int maxItems = kMaxListItems);
    QStringList stringList(QLatin1StringView key, int maxItems = kMaxListItems,
                           int maxLength = kMaxIdentifierLength);

    // Parses a string field into an enum with `parse`, which returns nullopt
    // for names it does not know.
    template <typename Enum, typename Parse>
    Enum enumeration(QLatin1StringView key, Parse parse, Enum fallback)
    {
        const QString name = string(key, kMaxIdentifierLength);
        if (!ok())
            return fallback;
        const std::optional<Enum> value = parse(name);
        if (!value) {
            fail(key, QStringLiteral("unknown value \"%1\"").arg(name));
            return fallback;
        }
        return *value;
    }

    // Records a failure found by the caller (a cross-field rule, say).
    void fail(QLatin1StringView key, const QString& what);
    // Adopts the failure of a nested decoder.
    void adopt(const Error& nested);

    bool ok() const { return !m_error.has_value(); }
    Error error() const;
    QString pathOf(QLatin1StringView key) const;

private:
    bool present(QLatin1StringView key) const;

    QJsonObject m_object;
    QString m_path;
    ErrorCode m_failureCode;
    std::optional<Error> m_error;
};

// Checks that a JSON value is an integer within [min, max] (JSON numbers
// are doubles; 1.5, NaN and 1e300 are not integers).
std::optional<qint64> toBoundedInteger(const QJsonValue& value, qint64 min, qint64 max);

} // namespace qidong::protocol
