#pragma once

#include "protocol/Knowledge.h"

#include <QAbstractListModel>

#include <vector>

Q_DECLARE_METATYPE(qidong::protocol::MarkedText)

namespace qidong::models {

// Knowledge search hits, best first: the title and snippet with the marks
// of what matched (DisplayRole is the plain title).
class ArticleHitListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleHitListModel)

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        TitleRole,   // MarkedText
        SnippetRole, // MarkedText
        LanguageRole,
        AudienceRole, // "agent" or "customer"
        ProductsRole, // QStringList
    };

    explicit ArticleHitListModel(QObject* parent = nullptr);
    ~ArticleHitListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The same articles in the same order only update their rows (the
    // selection stays); another list replaces the rows.
    void setHits(const QList<protocol::ArticleHit>& hits);
    void clear() { setHits({}); }
    const protocol::ArticleHit* hitAt(int row) const;
    int rowOf(const QString& id) const;

private:
    std::vector<protocol::ArticleHit> m_hits;
};

} // namespace qidong::models
