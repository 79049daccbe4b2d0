#pragma once

#include "protocol/Customer.h"
#include "protocol/Interaction.h"
#include "protocol/Result.h"

#include <QJsonArray>

class QSqlQuery;

namespace qidong::hub {

class CustomerStore;
class Database;

// The voice of the customer (seed 003): a complaint or suggestion tagged
// at wrap-up becomes a case for the department that owns its category; the
// department resolves it; "close the loop" tells the customer the outcome
// over their preferred channel (a notification the channel's gateway
// fetches from the ingest API) and closes the case. Every step is stored
// before it is answered.
class VocCases final
{
    Q_DISABLE_COPY_MOVE(VocCases)

public:
    VocCases(Database& database, CustomerStore& customers);

    // From an interaction's wrap-up; nothing for other kinds.
    protocol::Result<std::optional<protocol::VocCase>>
    openFromWrapUp(const protocol::Interaction& interaction, const protocol::WrapUpRecord& record);
    std::optional<protocol::VocCase> find(const QString& caseId) const;
    QString customerOf(const QString& caseId) const;
    // The owning department's answer.
    protocol::Result<protocol::VocCase> resolve(const QString& caseId, const QString& resolution,
                                                const QString& actor);
    // Sends `message` to the customer and closes the case.
    protocol::Result<protocol::VocCase> closeLoop(const QString& caseId, const QString& message,
                                                  const QString& actor);

    // Messages for customers not yet taken by their channel's gateway
    // (oldest first, at most `limit`; `channel` empty: any), marked taken:
    // the gateway delivers each once.
    protocol::Result<QJsonArray> takeNotifications(const QString& channel, int limit);

    // Who owns a category: "计费中心 Billing" for billing, and so on.
    static QString departmentFor(const QString& category);
    // The columns a case is read from, in the order caseFrom() reads them.
    static QString columns();
    static protocol::VocCase caseFrom(const QSqlQuery& query);

private:
    Database& m_database;
    CustomerStore& m_customers;
};

} // namespace qidong::hub
