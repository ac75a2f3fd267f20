#pragma once

#include "ExportFileName.h"
#include "ExportScope.h"

#include <QDialog>
#include <QPageSize>

class QButtonGroup;
class QComboBox;
class QLineEdit;
class QRadioButton;

// File ▸ Export Worksheet…: what to export (scope), as what (DOCX or PDF, page size),
// filled in or blank, and the learner's name for the cover line (remembered).
class ExportWorksheetDialog : public QDialog
{
    Q_OBJECT
public:
    struct Choice {
        QString label;
        ExportScope scope;
    };

    ExportWorksheetDialog(const QVector<Choice> &scopes, int initialScope, QWidget *parent = nullptr);

    ExportScope scope() const;
    ExportFileName::Format format() const;
    bool blank() const;
    QString learner() const;
    QPageSize::PageSizeId pageSize() const;

    void accept() override;  // remembers the learner, format and page size
    // The format the next export starts with: the one last written, which the file name may
    // have changed.
    static void rememberFormat(ExportFileName::Format format);

private:
    QVector<Choice> m_scopes;
    QComboBox *m_scope = nullptr;
    QRadioButton *m_docx = nullptr;
    QRadioButton *m_pdf = nullptr;
    QRadioButton *m_filled = nullptr;
    QRadioButton *m_blank = nullptr;
    QLineEdit *m_learner = nullptr;
    QComboBox *m_pageSize = nullptr;
};
