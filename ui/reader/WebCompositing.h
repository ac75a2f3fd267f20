#pragma once

#include <QString>

// How the page views' frames reach the screen. Where the machine's OpenGL is a software
// rasteriser (Mesa's llvmpipe on a laptop without a working driver, in a virtual machine,
// under Xvfb), Qt WebEngine already draws pages in software, and handing those frames to
// Qt Quick's OpenGL renderer rasterises the whole window a second time, in software, on
// every frame: page turns took twice as long and the first page a third longer. There Qt
// Quick's own software renderer puts the frames straight into the window. A real GPU keeps
// OpenGL, and a user's QT_QUICK_BACKEND or QSG_RHI_BACKEND is left to decide.
class WebCompositing
{
public:
    // Decides once, before the first web view exists (after that Qt Quick keeps its choice).
    static void chooseOnce();
    // The renderer OpenGL names (GL_RENDERER), or empty where there is no OpenGL.
    static QString openGlRenderer();
    static bool isSoftwareRenderer(const QString &renderer);
};
