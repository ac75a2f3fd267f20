#pragma once

#include "AnswerEditor.h"

class QLabel;
class QPlainTextEdit;

// A reflection or a response: free text, with a running word count. Value {"text": ...}.
class TextAnswerEditor : public AnswerEditor
{
    Q_OBJECT
public:
    explicit TextAnswerEditor(const ActivitySpec &spec, QWidget *parent = nullptr);

    QJsonObject value() const override;
    void setValue(const QJsonObject &value) override;

private:
    void updateWordCount();

    QPlainTextEdit *m_text;
    QLabel *m_wordCount;
    bool m_settingValue = false;
};
