#include "ReasonCodeModel.h"

namespace qidong::models {

using namespace qidong::protocol;

ReasonCodeModel::ReasonCodeModel(ReasonKind kind, QObject* parent)
    : QAbstractListModel(parent)
    , m_kind(kind)
{}

ReasonCodeModel::~ReasonCodeModel() = default;

int ReasonCodeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_codes.size());
}

QVariant ReasonCodeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReasonCode& code = m_codes[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return code.label.forLanguage(m_language);
    case CodeRole:
        return code.code;
    default:
        return {};
    }
}

QHash<int, QByteArray> ReasonCodeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(CodeRole, "code");
    return names;
}

void ReasonCodeModel::setReasonCodes(const QList<ReasonCode>& codes)
{
    std::vector<ReasonCode> mine;
    for (const ReasonCode& code : codes) {
        if (code.kind == m_kind)
            mine.push_back(code);
    }
    if (mine == m_codes)
        return; // a resync with the same codes changes nothing
    beginResetModel();
    m_codes = std::move(mine);
    endResetModel();
}

void ReasonCodeModel::setLanguage(const QString& language)
{
    if (m_language == language)
        return;
    m_language = language;
    if (!m_codes.empty())
        Q_EMIT dataChanged(index(0), index(static_cast<int>(m_codes.size()) - 1),
                           {Qt::DisplayRole});
}

int ReasonCodeModel::rowOf(const QString& code) const
{
    for (size_t row = 0; row < m_codes.size(); ++row) {
        if (m_codes[row].code == code)
            return static_cast<int>(row);
    }
    return -1;
}

QString ReasonCodeModel::codeAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_codes.size()))
        return {};
    return m_codes[static_cast<size_t>(row)].code;
}

QString ReasonCodeModel::labelOf(const QString& code) const
{
    const int row = rowOf(code);
    return row < 0 ? code : m_codes[static_cast<size_t>(row)].label.forLanguage(m_language);
}

} // namespace qidong::models
