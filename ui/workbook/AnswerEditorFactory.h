#pragma once

#include "ActivitySpec.h"

class AnswerEditor;
class QWidget;

// Builds the editor for an activity's kind. Apart from AnswerEditor, so that the base class
// need not know its subclasses.
namespace AnswerEditorFactory {
AnswerEditor *create(const ActivitySpec &spec, QWidget *parent = nullptr);
}
