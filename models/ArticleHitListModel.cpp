#include "ArticleHitListModel.h"

#include <algorithm>

namespace qidong::models {

using protocol::ArticleHit;

ArticleHitListModel::ArticleHitListModel(QObject* parent)
    : QAbstractListModel(parent)
{}

ArticleHitListModel::~ArticleHitListModel() = default;

int ArticleHitListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant ArticleHitListModel::data(const QModelIndex& index, int role) const
{
    const ArticleHit* hit = hitAt(index.row());
    if (!hit || index.column() != 0 || index.parent().isValid())
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return hit->title.text;
    case Qt::ToolTipRole:
        return hit->snippet.text;
    case IdRole:
        return hit->id;
    case TitleRole:
        return QVariant::fromValue(hit->title);
    case SnippetRole:
        return QVariant::fromValue(hit->snippet);
    case LanguageRole:
        return hit->language;
    case AudienceRole:
        return protocol::audienceName(hit->audience);
    case ProductsRole:
        return hit->products;
    default:
        return {};
    }
}

QHash<int, QByteArray> ArticleHitListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "articleId");
    names.insert(TitleRole, "markedTitle");
    names.insert(SnippetRole, "snippet");
    names.insert(LanguageRole, "language");
    names.insert(AudienceRole, "audience");
    names.insert(ProductsRole, "products");
    return names;
}

void ArticleHitListModel::setHits(const QList<ArticleHit>& hits)
{
    const bool sameRows =
        std::equal(m_hits.begin(), m_hits.end(), hits.begin(), hits.end(),
                   [](const ArticleHit& a, const ArticleHit& b) { return a.id == b.id; });
    if (sameRows) {
        for (qsizetype i = 0; i < hits.size(); ++i) {
            if (m_hits[size_t(i)] == hits.at(i))
                continue;
            m_hits[size_t(i)] = hits.at(i);
            const QModelIndex changed = index(int(i));
            Q_EMIT dataChanged(changed, changed,
                               {Qt::DisplayRole, Qt::ToolTipRole, TitleRole, SnippetRole});
        }
        return;
    }
    beginResetModel();
    m_hits.assign(hits.begin(), hits.end());
    endResetModel();
}

const ArticleHit* ArticleHitListModel::hitAt(int row) const
{
    if (row < 0 || size_t(row) >= m_hits.size())
        return nullptr;
    return &m_hits[size_t(row)];
}

int ArticleHitListModel::rowOf(const QString& id) const
{
    const auto found = std::find_if(m_hits.begin(), m_hits.end(),
                                    [&id](const ArticleHit& hit) { return hit.id == id; });
    return found == m_hits.end() ? -1 : int(found - m_hits.begin());
}

} // namespace qidong::models
