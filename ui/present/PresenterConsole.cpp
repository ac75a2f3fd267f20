#include "PresenterConsole.h"

#include "PresentationClock.h"
#include "PresentationController.h"
#include "SlidePreview.h"

#include <QApplication>
#include <QCheckBox>
#include <QAbstractItemView>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTimeEdit>

namespace {
constexpr double kMinNotesSize = 8, kMaxNotesSize = 40;

QPushButton *button(const QString &text, const QString &accessibleName, QWidget *parent)
{
    auto *pushButton = new QPushButton(text, parent);
    pushButton->setAccessibleName(accessibleName);
    pushButton->setAutoDefault(false);  // Enter is the clicker's "next", not this button's
    // A click leaves the focus where it was: a clicker's Space or Enter after clicking Black
    // must turn the slide, not press Black again. Tab still reaches every button.
    pushButton->setFocusPolicy(Qt::TabFocus);
    return pushButton;
}

// A cell editor of a table (the grid's own Esc cancels its edit).
bool insideItemView(const QWidget *widget)
{
    for (const QWidget *parent = widget->parentWidget(); parent; parent = parent->parentWidget()) {
        if (qobject_cast<const QAbstractItemView *>(parent))
            return true;
    }
    return false;
}

QLabel *reading(const QString &accessibleName, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setAccessibleName(accessibleName);
    label->setObjectName(objectName);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);  // read at a glance from a step away
    font.setBold(true);
    label->setFont(font);
    return label;
}
}  // namespace

PresenterConsole::PresenterConsole(PresentationController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_clock(new PresentationClock(this)),
      m_notesPointSize(QSettings().value(QLatin1String(kNotesSizeKey), font().pointSizeF() * 1.3).toDouble())
{
    setWindowTitle(tr("Presenter Console"));
    setAccessibleName(tr("Presenter console"));
    setProperty("themedPane", true);  // ThemeStyle's borders and focus frame, as in the Workbook
    auto *layout = new QVBoxLayout(this);
    buildTimes(layout);
    buildSlides(layout);
    buildControls(layout);
    changeNotesSize(0);

    connect(controller, &PresentationController::currentChanged, this, &PresenterConsole::showSlide);
    connect(controller, &PresentationController::advanced, m_clock, &PresentationClock::start);
    connect(controller, &PresentationController::blankChanged, this,
            [this](PresentationController::Blank blank) { m_black->setChecked(blank == PresentationController::Blank::Black); });
    connect(controller, &PresentationController::showOwnAnswersChanged, m_ownAnswers, &QAbstractButton::setChecked);
    connect(m_clock, &PresentationClock::ticked, this, &PresenterConsole::updateTimes);
    showSlide(controller->current());
    updateTimes();
    // The console itself holds the focus at first, not its first button: a clicker's Enter
    // on a fresh console turns the slide instead of pressing Pause.
    setFocusPolicy(Qt::StrongFocus);
    setFocus(Qt::OtherFocusReason);
    // Keys typed anywhere in the console reach the slides (eventFilter says which stay here).
    qApp->installEventFilter(this);
}

void PresenterConsole::buildTimes(QVBoxLayout *layout)
{
    auto *row = new QHBoxLayout;
    m_slideNumber = reading(tr("Slide number"), QStringLiteral("slideNumber"), this);
    m_elapsed = reading(tr("Elapsed time"), QStringLiteral("elapsed"), this);
    auto *pause = button(tr("&Pause"), tr("Pause the elapsed time"), this);
    pause->setCheckable(true);
    connect(pause, &QAbstractButton::toggled, m_clock, &PresentationClock::setPaused);
    auto *reset = button(tr("Rese&t"), tr("Reset the elapsed time"), this);
    connect(reset, &QAbstractButton::clicked, m_clock, &PresentationClock::reset);
    m_wallClock = reading(tr("Time of day"), QStringLiteral("wallClock"), this);
    m_endsAt = new QCheckBox(tr("&Countdown to"), this);  // Alt+E is the group grid's experience field
    m_endsAt->setAccessibleName(tr("Count down to an end time"));
    m_endsAt->setFocusPolicy(Qt::TabFocus);  // as the buttons: a click leaves Space to the clicker
    m_endTime = new QTimeEdit(QTime::currentTime().addSecs(3600), this);
    m_endTime->setDisplayFormat(QStringLiteral("HH:mm"));
    m_endTime->setAccessibleName(tr("End time"));
    m_endTime->setEnabled(false);
    m_remaining = reading(tr("Time left"), QStringLiteral("remaining"), this);
    const auto setEnd = [this] {
        m_endTime->setEnabled(m_endsAt->isChecked());
        m_clock->setEndTime(m_endsAt->isChecked() ? m_endTime->time() : QTime());
    };
    connect(m_endsAt, &QCheckBox::toggled, this, setEnd);
    connect(m_endTime, &QTimeEdit::timeChanged, this, setEnd);
    row->addWidget(m_slideNumber);
    row->addStretch(1);
    for (QWidget *widget : {static_cast<QWidget *>(m_elapsed), static_cast<QWidget *>(pause), static_cast<QWidget *>(reset)})
        row->addWidget(widget);
    row->addStretch(1);
    row->addWidget(m_wallClock);
    row->addStretch(1);
    for (QWidget *widget : {static_cast<QWidget *>(m_endsAt), static_cast<QWidget *>(m_endTime), static_cast<QWidget *>(m_remaining)})
        row->addWidget(widget);
    layout->addLayout(row);
}

void PresenterConsole::buildSlides(QVBoxLayout *layout)
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_current = new SlidePreview(splitter);
    m_current->setObjectName(QStringLiteral("currentSlide"));
    QFont large = m_current->font();
    large.setPointSizeF(large.pointSizeF() * 1.5);  // the slide the room sees, read from a step away
    m_current->setFont(large);
    m_current->setAccessibleName(tr("Current slide"));
    auto *side = new QWidget(splitter);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto *nextTitle = new QLabel(tr("Next"), side);
    m_next = new SlidePreview(side);
    m_next->setObjectName(QStringLiteral("nextSlide"));
    m_next->setAccessibleName(tr("Next slide"));
    nextTitle->setBuddy(m_next);

    auto *notesRow = new QHBoxLayout;
    auto *notesTitle = new QLabel(tr("Facilitator notes"), side);
    auto *smaller = button(tr("A−"), tr("Smaller notes"), side);
    auto *bigger = button(tr("A+"), tr("Bigger notes"), side);
    smaller->setToolTip(tr("Smaller notes (Ctrl+−)"));
    bigger->setToolTip(tr("Bigger notes (Ctrl++)"));
    connect(smaller, &QAbstractButton::clicked, this, [this] { changeNotesSize(-1); });
    connect(bigger, &QAbstractButton::clicked, this, [this] { changeNotesSize(1); });
    notesRow->addWidget(notesTitle, 1);
    notesRow->addWidget(smaller);
    notesRow->addWidget(bigger);

    m_notesStack = new QStackedWidget(side);
    m_notes = new QTextBrowser(m_notesStack);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setAccessibleName(tr("Facilitator notes"));
    m_notes->setOpenLinks(false);
    notesTitle->setBuddy(m_notes);
    auto *hidden = new QWidget(m_notesStack);
    auto *hiddenLayout = new QVBoxLayout(hidden);
    auto *why = new QLabel(tr("The displays are mirrored: the room sees this screen, so the notes are hidden."), hidden);
    why->setWordWrap(true);
    auto *showNotes = button(tr("&Show Notes to the Room"), tr("Show the notes, though the room can see them"), hidden);
    showNotes->setObjectName(QStringLiteral("showNotes"));
    connect(showNotes, &QAbstractButton::clicked, this, [this] { m_notesStack->setCurrentWidget(m_notes); });
    hiddenLayout->addWidget(why);
    hiddenLayout->addWidget(showNotes, 0, Qt::AlignLeft);
    hiddenLayout->addStretch(1);
    m_notesStack->addWidget(m_notes);
    m_notesStack->addWidget(hidden);

    sideLayout->addWidget(nextTitle);
    sideLayout->addWidget(m_next, 2);
    sideLayout->addLayout(notesRow);
    sideLayout->addWidget(m_notesStack, 3);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    m_gridHost = new QWidget(this);
    m_gridHost->setLayout(new QVBoxLayout);
    m_gridHost->layout()->setContentsMargins(0, 0, 0, 0);
    m_gridHost->hide();
    layout->addWidget(m_gridHost, 1);
}

void PresenterConsole::buildControls(QVBoxLayout *layout)
{
    auto *row = new QHBoxLayout;
    auto *previous = button(tr("◀ P&revious"), tr("Previous slide"), this);
    auto *next = button(tr("&Next ▶"), tr("Next slide"), this);
    m_black = button(tr("&Black"), tr("Black screen"), this);
    m_black->setCheckable(true);
    auto *swap = button(tr("S&wap Screens"), tr("Swap screens"), this);
    m_ownAnswers = button(tr("Show &My Answers"), tr("Show my answers on the slides"), this);
    m_ownAnswers->setCheckable(true);
    m_ownAnswers->setChecked(m_controller->showsOwnAnswers());
    auto *end = button(tr("En&d"), tr("End the presentation"), this);
    connect(previous, &QAbstractButton::clicked, m_controller, &PresentationController::previous);
    connect(next, &QAbstractButton::clicked, m_controller, &PresentationController::next);
    connect(m_black, &QAbstractButton::clicked, this, [this](bool black) {
        m_controller->setBlank(black ? PresentationController::Blank::Black : PresentationController::Blank::None);
    });
    connect(swap, &QAbstractButton::clicked, this, &PresenterConsole::swapScreensRequested);
    connect(m_ownAnswers, &QAbstractButton::clicked, m_controller, &PresentationController::setShowOwnAnswers);
    connect(end, &QAbstractButton::clicked, m_controller, &PresentationController::end);

    auto *activity = new QLabel(tr("&Activity timer:"), this);
    m_activityMinutes = new QSpinBox(this);
    m_activityMinutes->setRange(1, 120);
    m_activityMinutes->setValue(5);
    m_activityMinutes->setSuffix(tr(" min"));
    m_activityMinutes->setAccessibleName(tr("Activity timer minutes"));
    activity->setBuddy(m_activityMinutes);
    auto *start = button(tr("Start"), tr("Start the activity timer on the slides"), this);
    auto *stop = button(tr("Stop"), tr("Stop the activity timer"), this);
    connect(start, &QAbstractButton::clicked, this, [this] { emit activityTimerRequested(m_activityMinutes->value() * 60); });
    connect(stop, &QAbstractButton::clicked, this, [this] { emit activityTimerRequested(0); });
    m_activityShown = reading(tr("Activity time left"), QStringLiteral("activityTime"), this);

    for (QWidget *widget : std::initializer_list<QWidget *>{previous, next, m_black, swap, m_ownAnswers})
        row->addWidget(widget);
    row->addStretch(1);
    for (QWidget *widget : std::initializer_list<QWidget *>{activity, m_activityMinutes, start, stop, m_activityShown})
        row->addWidget(widget);
    row->addStretch(1);
    row->addWidget(end);
    layout->addLayout(row);
}

void PresenterConsole::setNotesHiddenUntilConfirmed(bool hidden)
{
    m_notesStack->setCurrentIndex(hidden ? 1 : 0);
}

bool PresenterConsole::notesShown() const
{
    return m_notesStack->currentWidget() == m_notes;
}

void PresenterConsole::setGroupGridEditor(QWidget *editor)
{
    if (m_gridEditor == editor)
        return;
    if (m_gridEditor)
        m_gridEditor->setParent(nullptr);  // the session that made it keeps it
    m_gridEditor = editor;
    if (editor)
        m_gridHost->layout()->addWidget(editor);
    m_gridHost->setVisible(editor != nullptr);
}

void PresenterConsole::showActivityTime(const QString &text)
{
    m_activityShown->setText(text);
}

void PresenterConsole::changeNotesSize(int steps)
{
    m_notesPointSize = qBound(kMinNotesSize, m_notesPointSize + steps, kMaxNotesSize);
    QFont font = m_notes->font();
    font.setPointSizeF(m_notesPointSize);
    m_notes->setFont(font);
    if (steps != 0)
        QSettings().setValue(QLatin1String(kNotesSizeKey), m_notesPointSize);
}

void PresenterConsole::showSlide(int index)
{
    const QVector<Slide> &slides = m_controller->deck().slides();
    const Slide *current = index >= 0 && index < slides.size() ? &slides.at(index) : nullptr;
    const Slide *next = current && index + 1 < slides.size() ? &slides.at(index + 1) : nullptr;
    m_slideNumber->setText(tr("Slide %1 of %2").arg(index + 1).arg(slides.size()));
    m_current->setSlide(current, tr("No slide"));
    m_next->setSlide(next, tr("The end of the presentation"));
    if (current && !current->notesHtml.isEmpty())
        m_notes->setHtml(current->notesHtml);
    else
        m_notes->setHtml(QStringLiteral("<p><i>%1</i></p>").arg(tr("No facilitator notes on this page.").toHtmlEscaped()));
}

void PresenterConsole::updateTimes()
{
    m_elapsed->setText(tr("Elapsed %1").arg(m_clock->elapsedText()));
    m_wallClock->setText(m_clock->wallClockText());
    m_remaining->setText(m_clock->remainingText());
}

bool PresenterConsole::keepsKeys(const QWidget *focus, int key) const
{
    if (key == Qt::Key_Tab || key == Qt::Key_Backtab)
        return true;  // moving between the console's controls
    if (!focus)
        return false;
    if (m_gridHost->isAncestorOf(focus) || qobject_cast<const QLineEdit *>(focus) || qobject_cast<const QAbstractSpinBox *>(focus))
        return true;  // typing: the group grid, the end time, the minutes
    // Enter after a typed slide number is the jump, wherever the focus is.
    const bool pressesButton = key == Qt::Key_Space
        || ((key == Qt::Key_Return || key == Qt::Key_Enter) && m_controller->typedNumber().isEmpty());
    return pressesButton && qobject_cast<const QAbstractButton *>(focus);
}

bool PresenterConsole::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress || !isVisible())
        return false;
    QWidget *focus = QApplication::focusWidget();
    // Once per key press: where it was sent first (the focused control, else this window).
    if (watched != (focus ? static_cast<QObject *>(focus) : static_cast<QObject *>(this)) || (focus && focus->window() != this))
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    if (key->modifiers() & Qt::ControlModifier) {
        if (key->key() == Qt::Key_Plus || key->key() == Qt::Key_Equal) {
            changeNotesSize(1);
            return true;
        }
        if (key->key() == Qt::Key_Minus) {
            changeNotesSize(-1);
            return true;
        }
    }
    if (focus && m_gridHost->isAncestorOf(focus)) {
        // A clicker's Page Down / Page Up turn the slide even while the group grid is typed in.
        if (key->key() == Qt::Key_PageDown || key->key() == Qt::Key_PageUp)
            return m_controller->handleKey(key);
        // Esc in a cell cancels the edit (the cell's own); Esc anywhere else in the grid hands
        // the keys back to the slides, and the next Esc ends the presentation.
        if (key->key() == Qt::Key_Escape && !insideItemView(focus)) {
            setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return !keepsKeys(focus, key->key()) && m_controller->handleKey(key);
}
