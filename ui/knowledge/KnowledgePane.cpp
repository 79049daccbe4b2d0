#include "KnowledgePane.h"

#include "MarkedHitDelegate.h"
#include "core/knowledge/KnowledgeDesk.h"
#include "ui/shell/ErrorText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSplitter>
#include <QTextCursor>
#include <QTextEdit>
#include <QTextList>
#include <QVBoxLayout>

namespace qidong::ui {

using models::ArticleHitListModel;

namespace {

QListView* hitList(QAbstractItemModel* model, const QString& name, QWidget* parent)
{
    auto* view = new QListView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setItemDelegate(new MarkedHitDelegate(view));
    view->setUniformItemSizes(true);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return view;
}

} // namespace

KnowledgePane::KnowledgePane(core::KnowledgeDesk& desk, QWidget* parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_search(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_results(hitList(&desk.results(), QStringLiteral("knowledgeResults"), this))
    , m_suggestedTitle(new QLabel(tr("Suggested for this conversation"), this))
    , m_suggestions(hitList(&desk.suggestions(), QStringLiteral("knowledgeSuggestions"), this))
    , m_article(new QTextEdit(this))
    , m_meta(new QLabel(this))
    , m_insert(new QPushButton(tr("&Insert into reply"), this))
    , m_sendLink(new QPushButton(tr("Send &link"), this))
    , m_helpful(new QPushButton(tr("Helpful"), this))
    , m_notHelpful(new QPushButton(tr("Not helpful"), this))
{
    setObjectName(QStringLiteral("knowledgePane"));
    m_search->setObjectName(QStringLiteral("knowledgeSearch"));
    m_search->setPlaceholderText(tr("Search knowledge (Ctrl+K)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaxLength(protocol::kMaxSearchQueryLength);
    m_status->setObjectName(QStringLiteral("knowledgeStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_article->setObjectName(QStringLiteral("knowledgeArticle"));
    m_article->setReadOnly(true);
    m_article->setAcceptRichText(false);
    m_article->setPlaceholderText(tr("Open an article to read it here."));
    m_meta->setTextFormat(Qt::PlainText);
    m_meta->setObjectName(QStringLiteral("knowledgeMeta"));
    m_insert->setObjectName(QStringLiteral("insertArticle"));
    m_sendLink->setObjectName(QStringLiteral("sendArticleLink"));
    m_helpful->setObjectName(QStringLiteral("articleHelpful"));
    m_notHelpful->setObjectName(QStringLiteral("articleNotHelpful"));
    m_insert->setToolTip(tr("Put the answer into the reply being written"));
    m_sendLink->setToolTip(tr("Send the customer a link to this article"));

    auto* lists = new QWidget(this);
    auto* listsLayout = new QVBoxLayout(lists);
    listsLayout->setContentsMargins(0, 0, 0, 0);
    listsLayout->addWidget(m_search);
    listsLayout->addWidget(m_status);
    listsLayout->addWidget(m_results, 3);
    listsLayout->addWidget(m_suggestedTitle);
    listsLayout->addWidget(m_suggestions, 2);

    auto* reader = new QWidget(this);
    auto* readerLayout = new QVBoxLayout(reader);
    readerLayout->setContentsMargins(0, 0, 0, 0);
    readerLayout->addWidget(m_article, 1);
    readerLayout->addWidget(m_meta);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_insert);
    buttons->addWidget(m_sendLink);
    buttons->addStretch(1);
    buttons->addWidget(m_helpful);
    buttons->addWidget(m_notHelpful);
    readerLayout->addLayout(buttons);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(lists);
    splitter->addWidget(reader);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(splitter);

    connect(m_search, &QLineEdit::textEdited, &m_desk, &core::KnowledgeDesk::setQuery);
    connect(m_search, &QLineEdit::returnPressed, &m_desk, &core::KnowledgeDesk::searchNow);
    connect(&m_desk, &core::KnowledgeDesk::searchingChanged, this, [this](bool searching) {
        if (searching)
            m_status->setText(tr("Searching…"));
    });
    connect(&m_desk, &core::KnowledgeDesk::resultsChanged, this, [this](const QString& mode) {
        const int count = m_desk.results().rowCount();
        if (mode == QLatin1StringView("none") || m_search->text().trimmed().isEmpty())
            m_status->clear();
        else if (count == 0)
            m_status->setText(tr("No articles found"));
        else if (mode == QLatin1StringView("any"))
            m_status->setText(
                tr("%n article(s), some matching only part of the search", "", count));
        else
            m_status->setText(tr("%n article(s)", "", count));
    });
    connect(&m_desk, &core::KnowledgeDesk::suggestionsChanged, this, [this] {
        m_suggestedTitle->setText(m_desk.followedConversation().isEmpty()
                                      ? tr("Suggestions follow the conversation shown")
                                      : tr("Suggested for this conversation"));
    });
    for (QListView* list : {m_results, m_suggestions}) {
        connect(list, &QListView::activated, this, [this](const QModelIndex& index) {
            m_desk.open(index.data(ArticleHitListModel::IdRole).toString());
        });
        connect(list, &QListView::clicked, this, [this](const QModelIndex& index) {
            m_desk.open(index.data(ArticleHitListModel::IdRole).toString());
        });
    }
    connect(&m_desk, &core::KnowledgeDesk::articleOpened, this, &KnowledgePane::showArticle);
    connect(&m_desk, &core::KnowledgeDesk::feedbackStored, this,
            [this](qint64 helpful, qint64 notHelpful) {
                m_meta->setText(
                    tr("Thank you. %1 found it helpful, %2 did not.").arg(helpful).arg(notHelpful));
            });
    connect(&m_desk, &core::KnowledgeDesk::failed, this, [this](const protocol::Error& error) {
        m_status->setText(ErrorText::describe(error));
    });
    connect(m_insert, &QPushButton::clicked, this, [this] {
        if (m_desk.openArticle())
            Q_EMIT insertRequested(core::KnowledgeDesk::replyText(*m_desk.openArticle()));
    });
    connect(m_sendLink, &QPushButton::clicked, this, [this] {
        if (m_desk.openArticle() && m_desk.articleLink().isValid())
            Q_EMIT sendLinkRequested(m_desk.openArticle()->title + QStringLiteral(": ") +
                                     m_desk.articleLink().toString());
    });
    connect(m_helpful, &QPushButton::clicked, this, [this] { m_desk.sendFeedback(true); });
    connect(m_notHelpful, &QPushButton::clicked, this, [this] { m_desk.sendFeedback(false); });
    updateButtons();
}

void KnowledgePane::setReplyTarget(bool available)
{
    m_replyTarget = available;
    updateButtons();
}

void KnowledgePane::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void KnowledgePane::showArticle(const protocol::KnowledgeArticle& article)
{
    // Built from plain text with formats: an article's text is never markup.
    m_article->clear();
    QTextCursor cursor(m_article->document());
    QTextCharFormat title;
    title.setFontWeight(QFont::Bold);
    title.setFontPointSize(m_article->font().pointSizeF() * 1.2);
    cursor.insertText(article.title, title);
    QTextCharFormat plain;
    for (const QString& paragraph : article.body.split(u'\n', Qt::SkipEmptyParts)) {
        cursor.insertBlock();
        cursor.insertText(paragraph, plain);
    }
    if (!article.steps.isEmpty()) {
        cursor.insertBlock();
        QTextListFormat numbered;
        numbered.setStyle(QTextListFormat::ListDecimal);
        cursor.insertList(numbered);
        for (qsizetype i = 0; i < article.steps.size(); ++i) {
            if (i > 0)
                cursor.insertBlock();
            cursor.insertText(article.steps.at(i), plain);
        }
    }
    m_article->moveCursor(QTextCursor::Start);
    const QString audience = article.audience == protocol::Audience::Agent
                                 ? tr("for agents only")
                                 : tr("customers may read it");
    m_meta->setText(tr("Version %1, %2; %3 found it helpful")
                        .arg(article.version)
                        .arg(audience)
                        .arg(article.helpful));
    updateButtons();
}

void KnowledgePane::updateButtons()
{
    const bool open = m_desk.openArticle().has_value();
    m_insert->setEnabled(open && m_replyTarget);
    m_sendLink->setEnabled(open && m_replyTarget && m_desk.articleLink().isValid());
    m_helpful->setEnabled(open);
    m_notHelpful->setEnabled(open);
}

} // namespace qidong::ui
