#include "AnswerEditorFactory.h"

#include "KwlEditor.h"
#include "TextAnswerEditor.h"
#include "WorksheetEditor.h"

AnswerEditor *AnswerEditorFactory::create(const ActivitySpec &spec, QWidget *parent)
{
    switch (spec.kind) {
    case ActivitySpec::Kind::Kwl:
        return new KwlEditor(spec, parent);
    case ActivitySpec::Kind::Worksheet:
        return new WorksheetEditor(spec, parent);
    case ActivitySpec::Kind::Reflection:
    case ActivitySpec::Kind::Response:
        break;
    }
    return new TextAnswerEditor(spec, parent);
}
