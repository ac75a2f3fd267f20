#pragma once

#include <QTextBrowser>

struct Slide;

// A slide as the presenter console previews it: its heading and text in the application's
// theme, small and quick (no web view, no pictures), for the facilitator's eyes only.
class SlidePreview : public QTextBrowser
{
    Q_OBJECT
public:
    explicit SlidePreview(QWidget *parent = nullptr);

    void setSlide(const Slide *slide, const QString &placeholder);  // placeholder: no slide

protected:
    // Pictures are left out: the preview must not read files, and the text is what matters.
    QVariant loadResource(int type, const QUrl &name) override;
};
