#pragma once

#include "protocol/Customer.h"
#include "protocol/Result.h"
#include "storage/AuditLog.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace qidong::hub {

class Database;

// Customer records and the identities that lead to them (phone, email,
// WeChat id, Weibo handle, web visitor), merges of two records found to be
// one person (audited, reversible), and notes. Profiles leave masked;
// rawField() is for customer.reveal only. Main thread only.
class CustomerStore final
{
    Q_DISABLE_COPY_MOVE(CustomerStore)

public:
    explicit CustomerStore(Database& database);

    struct Contact
    {
        QString kind;     // phone, email, wechat, weibo, web
        QString identity; // as given
        QString displayName;
        QString language;
        QString channel;
    };
    // The customer this identity belongs to, created on first contact (with
    // the id derived from the identity, as before the store existed).
    protocol::Result<QString> resolve(const Contact& contact);
    // The customer an identity leads to, following merges.
    std::optional<QString> lookup(const QString& kind, const QString& identity) const;
    bool exists(const QString& customerId) const;
    // Where a merged record went (itself when not merged).
    QString canonical(const QString& customerId) const;
    // The record and those merged into it: whose contacts a timeline shows.
    QStringList family(const QString& customerId) const;
    std::optional<protocol::CustomerProfile> profile(const QString& customerId) const;
    // Unmasked: "phone", "email" or "nationalId". Audit before answering.
    std::optional<QString> rawField(const QString& customerId, const QString& field) const;
    // The address of a channel for this customer ("" if none known).
    QString addressFor(const QString& customerId, const QString& kind) const;

    struct NewCustomer
    {
        QString id;
        QString displayName;
        QString segment;
        int valueScore = 0;
        QString language;
        QString preferredChannel;
        bool consentMarketing = false;
        QString nationalId;
        QList<QPair<QString, QString>> identities; // kind, value as given
        qint64 createdAtMs = 0;
    };
    protocol::Result<bool> insert(const NewCustomer& customer);
    // Adds an identity to a customer (an agent confirmed it is theirs).
    protocol::Result<bool> link(const QString& customerId, const QString& kind,
                                const QString& identity);

    // `from` becomes part of `into`: its identities move, its contacts,
    // notes and cases show with `into`'s. Answers the merge's id.
    protocol::Result<qint64> merge(const QString& fromId, const QString& intoId,
                                   const QString& actor);
    // Undoes a merge: the identities that moved go back.
    protocol::Result<QString> unmerge(qint64 mergeId, const QString& actor);

    QList<protocol::CustomerNote> notes(const QStringList& customerIds) const;
    protocol::Result<protocol::CustomerNote> addNote(const QString& customerId,
                                                     const QString& authorId, const QString& body);
    // Only the author edits a note.
    protocol::Result<protocol::CustomerNote> editNote(qint64 noteId, const QString& authorId,
                                                      const QString& body);

    // What became of a next-best offer (offered, accepted, declined).
    protocol::Result<bool> recordOffer(const QString& customerId, const QString& code,
                                       const QString& status, const QString& agentId,
                                       const QString& interactionId);

    // One line of the audit log (reveals, merges): who, what, to whom.
    protocol::Result<bool> audit(const QString& actor, const QString& action,
                                 const QString& subject, const QJsonObject& detail);

private:
    std::optional<protocol::CustomerNote> note(qint64 noteId) const;

    Database& m_database;
    AuditLog m_audit;
};

} // namespace qidong::hub
