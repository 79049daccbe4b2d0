#pragma once

#include "protocol/Result.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace qidong::hub {

// The automatic text-quality monitor's lists: categories of Chinese and
// English patterns (abuse; threats to go to the press, the regulator or a
// lawyer; intent to cancel or leave). Customer messages are checked as
// they are stored; a hit raises an alert for the team lead.
class KeywordRules final
{
public:
    struct Hit
    {
        QString category;
        QString matched;
    };

    // The built-in lists.
    static KeywordRules defaults();
    // {"category": ["regex", …], …} from a file: replaces the defaults.
    static protocol::Result<KeywordRules> fromFile(const QString& path);
    static protocol::Result<KeywordRules> fromJsonText(const QByteArray& json);

    std::optional<Hit> check(const QString& text) const;
    int ruleCount() const { return int(m_rules.size()); }

private:
    struct Rule
    {
        QString category;
        QRegularExpression pattern;
    };
    QList<Rule> m_rules;
};

} // namespace qidong::hub
