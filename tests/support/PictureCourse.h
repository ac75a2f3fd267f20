#pragma once

#include <QString>

// A one-page course for the export tests: its only activity's prompt shows a PNG
// (120 x 60, "A red box, twice as wide as tall"), an SVG (100 x 100, "A blue circle")
// and a picture that is missing ("A lost picture").
class PictureCourse
{
public:
    static QString write(const QString &parentFolder);  // the course root
};
