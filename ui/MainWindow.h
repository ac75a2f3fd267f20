#pragma once

#include "Course.h"

#include <QMainWindow>

class QTreeWidget;
class QWebEngineView;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Work that must happen before QApplication exists (URL scheme registration).
    static void prepareApplication();

    MainWindow(const QString &coursePath, const QString &pageId, QWidget *parent = nullptr);

private:
    Course m_course;
    QTreeWidget *m_tree = nullptr;
    QWebEngineView *m_view = nullptr;
};
