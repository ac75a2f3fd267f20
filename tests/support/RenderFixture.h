#pragma once

#include "CourseFixture.h"
#include "CourseLoader.h"
#include "HtmlDom.h"
#include "PageRenderer.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVector>

// What the PageRenderer suites share: a tiny Course-in-a-Box in a QTemporaryDir, rendering
// one page of it, and looking into the result (the body's elements, its diagnostics).
namespace RenderFixture {

// Lines before the body of every page written by TestCourse::addPage: "---", "title: ...", "---".
inline constexpr int kFrontMatterLines = 3;

inline constexpr auto kConfig = "title: \"Test Site\"\nbaseurl: \"\"\nauthor: Ada\n";

using CourseFixture::writeFile;  // one way to write a fixture file

// A Course-in-a-Box with one module "m": page a (the page under test), page b, page c
// (permalink /custom/c/), an include, and a few asset files.
class TestCourse
{
public:
    explicit TestCourse(const QByteArray &config = kConfig);

    bool isValid() const { return m_dir.isValid() && m_ok; }
    QString path() const { return m_dir.path(); }

    void write(const QString &relativePath, const QByteArray &bytes);
    void addPage(const QString &fileName, const QString &title, const QString &body);

    Course load() const { return CourseLoader::load(m_dir.path()); }

private:
    QTemporaryDir m_dir;
    bool m_ok = true;
};

RenderedPage renderPage(const Course &course, const QString &pageId, const PageRenderer::Options &options = {});

// Renders `body` as page m/a ("Page A") of a fresh test course.
RenderedPage renderBody(const QString &body, const QByteArray &config = kConfig, const PageRenderer::Options &options = {});

// What a failure shows: the body and the diagnostics.
QByteArray context(const RenderedPage &page);

// The first diagnostic whose message contains every substring (case-insensitive).
const Diagnostic *findDiagnostic(const RenderedPage &page, const QStringList &substrings);

// Elements named `tag` (any when empty) that carry class `className` (any when empty).
QVector<xmlNodePtr> select(const HtmlDom &dom, const QString &tag, const QString &className = QString());

// The first <a> whose text is `text`.
xmlNodePtr anchorWithText(const HtmlDom &dom, const QString &text);

}  // namespace RenderFixture
