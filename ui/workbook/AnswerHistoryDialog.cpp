#include "AnswerHistoryDialog.h"

#include "AnswerText.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace {

template<typename T, typename F>
auto mapped(const QVector<T> &items, F f)
{
    QVector<decltype(f(items.first()))> result;
    for (const T &item : items)
        result.append(f(item));
    return result;
}

}  // namespace

AnswerHistoryDialog::AnswerHistoryDialog(const QString &title, const QVector<Answer> &versions, QWidget *parent)
    : AnswerHistoryDialog(title,
                          versions.isEmpty() ? tr("Nothing has been saved for this activity yet.")
                                             : tr("Every saved version of your answer, newest first. Restoring one keeps the others."),
                          mapped(versions, [](const Answer &a) { return Version{a.updated, AnswerText::plain(a.kind, a.value), a.done}; }),
                          parent)
{
}

AnswerHistoryDialog::AnswerHistoryDialog(const QString &title, const QVector<Note> &versions, QWidget *parent)
    : AnswerHistoryDialog(title,
                          versions.isEmpty() ? tr("Nothing has been saved in this note yet.")
                                             : tr("Every saved version of your note, newest first. Restoring one keeps the others."),
                          mapped(versions, [](const Note &n) { return Version{n.updated, n.text, false}; }), parent)
{
}

AnswerHistoryDialog::AnswerHistoryDialog(const QString &title, const QString &introText, const QVector<Version> &versions,
                                         QWidget *parent)
    : QDialog(parent)
    , m_versions(versions)
{
    setWindowTitle(tr("History of “%1”").arg(title));
    resize(720, 460);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(introText, this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *splitter = new QSplitter(this);
    m_list = new QListWidget(splitter);
    m_list->setAccessibleName(tr("Saved versions"));
    m_preview = new QPlainTextEdit(splitter);
    m_preview->setReadOnly(true);
    m_preview->setAccessibleName(tr("Text of the selected version"));
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    for (const Version &version : versions) {
        const QString when = QLocale().toString(version.updated.toLocalTime(), QLocale::LongFormat);
        m_list->addItem(version.done ? tr("%1 (done)").arg(when) : when);
    }
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        m_preview->setPlainText(row >= 0 ? m_versions[row].text : QString());
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *restore = buttons->addButton(tr("&Restore This Version"), QDialogButtonBox::AcceptRole);
    restore->setEnabled(false);
    connect(m_list, &QListWidget::currentRowChanged, restore, [restore](int row) { restore->setEnabled(row > 0); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    if (!versions.isEmpty())
        m_list->setCurrentRow(0);
}

QDateTime AnswerHistoryDialog::chosenVersion() const
{
    const int row = m_list->currentRow();
    return result() == QDialog::Accepted && row > 0 ? m_versions[row].updated : QDateTime();
}
