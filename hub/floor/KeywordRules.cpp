#include "KeywordRules.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

// Seed 004: abuse, threats to go public or to the regulator, cancellation.
// Chinese as written in chats and posts; English by word.
const char* const kDefaults = R"({
  "abuse": ["傻[逼屄]", "混蛋", "滚蛋", "去死", "垃圾客服", "\\b(idiot|stupid|moron|f+u+c+k\\w*|bastard)\\b"],
  "publicity": ["曝光", "媒体", "记者", "微博上发", "工信部", "12315", "消协", "银保监", "律师", "起诉", "法院",
                "\\b(the press|journalists?|regulators?|ombudsman|lawyers?|sue|court)\\b"],
  "cancellation": ["销户", "注销", "退订", "退网", "携号转网", "换一家", "不再使用",
                   "\\bcancel (my|the) (account|subscription|contract|card|plan)\\b",
                   "\\bclose my account\\b", "\\bswitch(ing)? to (another|a different)\\b"]
})";

} // namespace

KeywordRules KeywordRules::defaults()
{
    Result<KeywordRules> rules = fromJsonText(QByteArray(kDefaults));
    return rules ? rules.value() : KeywordRules{};
}

Result<KeywordRules> KeywordRules::fromFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidParams,
                         QStringLiteral("keyword rules: cannot read %1").arg(path));
    return fromJsonText(file.read(1024 * 1024));
}

Result<KeywordRules> KeywordRules::fromJsonText(const QByteArray& json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return makeError(ErrorCode::InvalidParams,
                         QStringLiteral("keyword rules: not a JSON object"));
    KeywordRules rules;
    const QJsonObject categories = document.object();
    for (auto it = categories.constBegin(); it != categories.constEnd(); ++it) {
        if (!it.value().isArray())
            return makeError(ErrorCode::InvalidParams,
                             QStringLiteral("keyword rules: %1 is not a list").arg(it.key()));
        for (const QJsonValue& value : it.value().toArray()) {
            const QRegularExpression pattern(value.toString(),
                                             QRegularExpression::CaseInsensitiveOption |
                                                 QRegularExpression::UseUnicodePropertiesOption);
            if (!value.isString() || value.toString().isEmpty() || !pattern.isValid())
                return makeError(ErrorCode::InvalidParams,
                                 QStringLiteral("keyword rules: bad pattern in %1: %2")
                                     .arg(it.key(), pattern.errorString()));
            rules.m_rules.append({it.key(), pattern});
        }
    }
    return rules;
}

std::optional<KeywordRules::Hit> KeywordRules::check(const QString& text) const
{
    for (const Rule& rule : m_rules) {
        const QRegularExpressionMatch match = rule.pattern.match(text);
        if (match.hasMatch())
            return Hit{rule.category, match.captured(0)};
    }
    return std::nullopt;
}

} // namespace qidong::hub
