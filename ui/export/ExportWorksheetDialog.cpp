#include "ExportWorksheetDialog.h"

#include "PaperSize.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>

namespace {
const QString kLearner = QStringLiteral("export/learner");
const QString kFormat = QStringLiteral("export/format");
const QString kPageSize = QStringLiteral("export/pageSize");
}  // namespace

ExportWorksheetDialog::ExportWorksheetDialog(const QVector<Choice> &scopes, int initialScope, QWidget *parent)
    : QDialog(parent)
    , m_scopes(scopes)
{
    setWindowTitle(tr("Export Worksheet"));
    QSettings settings;
    auto *form = new QFormLayout(this);

    m_scope = new QComboBox(this);
    for (const Choice &choice : scopes)
        m_scope->addItem(choice.label);
    m_scope->setCurrentIndex(qBound(0, initialScope, int(scopes.size()) - 1));
    form->addRow(tr("&Export:"), m_scope);

    auto *formats = new QHBoxLayout;
    m_docx = new QRadioButton(tr("&Word document (DOCX)"), this);
    m_pdf = new QRadioButton(tr("&PDF"), this);
    // Two groups: radio buttons with one parent would otherwise all exclude each other.
    auto *formatGroup = new QButtonGroup(this);
    formatGroup->addButton(m_docx);
    formatGroup->addButton(m_pdf);
    (settings.value(kFormat).toString() == ExportFileName::extension(ExportFileName::Format::Pdf) ? m_pdf : m_docx)->setChecked(true);
    formats->addWidget(m_docx);
    formats->addWidget(m_pdf);
    form->addRow(tr("Format:"), formats);

    auto *content = new QHBoxLayout;
    m_filled = new QRadioButton(tr("With my &answers"), this);
    m_blank = new QRadioButton(tr("&Blank, to fill in by hand"), this);
    auto *contentGroup = new QButtonGroup(this);
    contentGroup->addButton(m_filled);
    contentGroup->addButton(m_blank);
    m_filled->setChecked(true);
    content->addWidget(m_filled);
    content->addWidget(m_blank);
    form->addRow(tr("Content:"), content);

    m_learner = new QLineEdit(settings.value(kLearner).toString(), this);
    m_learner->setPlaceholderText(tr("Shown at the top of the worksheet"));
    form->addRow(tr("&Learner name:"), m_learner);

    m_pageSize = new QComboBox(this);
    m_pageSize->addItem(tr("A4"), int(QPageSize::A4));
    m_pageSize->addItem(tr("US Letter"), int(QPageSize::Letter));
    const int size = settings.value(kPageSize, int(PaperSize::forThisComputer())).toInt();
    m_pageSize->setCurrentIndex(qMax(0, m_pageSize->findData(size)));
    form->addRow(tr("Paper si&ze:"), m_pageSize);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

ExportScope ExportWorksheetDialog::scope() const
{
    return m_scopes.value(m_scope->currentIndex()).scope;
}

ExportFileName::Format ExportWorksheetDialog::format() const
{
    return m_pdf->isChecked() ? ExportFileName::Format::Pdf : ExportFileName::Format::Docx;
}

bool ExportWorksheetDialog::blank() const
{
    return m_blank->isChecked();
}

QString ExportWorksheetDialog::learner() const
{
    return m_learner->text().trimmed();
}

QPageSize::PageSizeId ExportWorksheetDialog::pageSize() const
{
    return QPageSize::PageSizeId(m_pageSize->currentData().toInt());
}

void ExportWorksheetDialog::accept()
{
    QSettings settings;
    settings.setValue(kLearner, learner());
    settings.setValue(kPageSize, int(pageSize()));
    rememberFormat(format());
    QDialog::accept();
}

void ExportWorksheetDialog::rememberFormat(ExportFileName::Format format)
{
    QSettings().setValue(kFormat, ExportFileName::extension(format));
}
