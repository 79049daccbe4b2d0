#pragma once

#include "protocol/Queue.h"

#include <QAbstractListModel>

#include <vector>

namespace qidong::models {

// The team's reason codes of one kind (Not-Ready reasons for the state
// selector, wrap-up codes for wrap-up), labelled in the agent's language.
class ReasonCodeModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReasonCodeModel)

public:
    enum Role
    {
        CodeRole = Qt::UserRole + 1,
    };

    explicit ReasonCodeModel(protocol::ReasonKind kind, QObject* parent = nullptr);
    ~ReasonCodeModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Takes the codes of this model's kind from a snapshot's list.
    void setReasonCodes(const QList<protocol::ReasonCode>& codes);
    void setLanguage(const QString& language);
    int rowOf(const QString& code) const;
    QString codeAt(int row) const;
    QString labelOf(const QString& code) const;

private:
    protocol::ReasonKind m_kind;
    std::vector<protocol::ReasonCode> m_codes;
    QString m_language = QStringLiteral("zh-CN");
};

} // namespace qidong::models
