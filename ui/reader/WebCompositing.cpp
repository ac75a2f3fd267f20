#include "WebCompositing.h"

#include "UiLog.h"

#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QQuickWindow>
#include <QRegularExpression>

void WebCompositing::chooseOnce()
{
    static bool chosen = false;
    if (std::exchange(chosen, true) || qEnvironmentVariableIsSet("QT_QUICK_BACKEND") || qEnvironmentVariableIsSet("QSG_RHI_BACKEND"))
        return;
    const QString renderer = openGlRenderer();
    const bool software = isSoftwareRenderer(renderer);
    qCInfo(lcUi).noquote() << "OpenGL renderer:" << (renderer.isEmpty() ? QStringLiteral("none") : renderer)
                           << (software ? "- pages composited by Qt Quick's software renderer" : "");
    if (software)
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
}

QString WebCompositing::openGlRenderer()
{
    // The context Qt WebEngine shares (Qt::AA_ShareOpenGLContexts), made current for a
    // moment: under a millisecond, where a context of its own took 25 to 40.
    QOpenGLContext *context = QOpenGLContext::globalShareContext();
    if (!context || !context->isValid())
        return {};
    QOffscreenSurface surface;
    surface.setFormat(context->format());
    surface.create();
    if (!surface.isValid() || !context->makeCurrent(&surface))
        return {};
    const auto *name = reinterpret_cast<const char *>(context->functions()->glGetString(GL_RENDERER));
    const QString renderer = QString::fromLatin1(name ? name : "");
    context->doneCurrent();
    return renderer;
}

bool WebCompositing::isSoftwareRenderer(const QString &renderer)
{
    // Mesa's llvmpipe, softpipe and swrast; Windows' "GDI Generic" and Qt's opengl32sw
    // ("Software Rasterizer"); macOS's "Apple Software Renderer".
    static const QRegularExpression software(QStringLiteral("llvmpipe|softpipe|swrast|software|gdi generic"),
                                             QRegularExpression::CaseInsensitiveOption);
    return software.match(renderer).hasMatch();
}
