#pragma once

#include "ClickerKeyMap.h"
#include "SlideDeck.h"

#include <QObject>

class QKeyEvent;

// A running presentation's state without widgets: the deck, the slide showing, a blanked
// screen, the overview, the room's zoom and whether the facilitator's own answers may show.
// Every window of the presentation (audience, console) sends its keys here.
class PresentationController : public QObject
{
    Q_OBJECT
public:
    enum class Blank { None, Black, White };
    Q_ENUM(Blank)

    explicit PresentationController(QObject *parent = nullptr);

    void setDeck(const SlideDeck &deck, int current);
    const SlideDeck &deck() const { return m_deck; }
    int current() const { return m_current; }
    int count() const { return m_deck.count(); }
    Blank blank() const { return m_blank; }
    bool overviewShown() const { return m_overview; }
    int overviewSelection() const { return m_overviewSelection; }
    double zoom() const { return m_zoom; }
    bool showsOwnAnswers() const { return m_showOwnAnswers; }

    // A key from any window of the presentation, as a clicker or keyboard sends it;
    // true when it was a presentation key (see docs in the key sheet).
    bool handleKey(QKeyEvent *event);
    // The facilitator's clicker assignments (ClickerTestDialog), tried before the default keys.
    void setKeyMap(const ClickerKeyMap &keys) { m_keys = keys; }
    const ClickerKeyMap &keyMap() const { return m_keys; }
    QString typedNumber() const { return m_typedNumber; }

    static constexpr double kMinZoom = 0.5;
    static constexpr double kMaxZoom = 3.0;
    static constexpr double kZoomStep = 1.1;

public slots:
    void next();
    void previous();
    void first();
    void last();
    void goTo(int index);
    void setBlank(PresentationController::Blank blank);
    void setOverviewShown(bool shown);
    void setZoom(double zoom);
    void setShowOwnAnswers(bool show);
    void end();

signals:
    void currentChanged(int index);
    void advanced();  // the first next() starts the elapsed time
    void blankChanged(PresentationController::Blank blank);
    void overviewChanged(bool shown, int selection);
    void zoomChanged(double zoom);
    void showOwnAnswersChanged(bool show);
    void consoleToggleRequested();
    void swapScreensRequested();
    void keySheetRequested();
    void clickerTestRequested();
    void ended();

private:
    void perform(ClickerKeyMap::Action action);
    void overviewKey(ClickerKeyMap::Action action, bool enter);
    void selectInOverview(int index);

    ClickerKeyMap m_keys;
    SlideDeck m_deck;
    int m_current = 0;
    Blank m_blank = Blank::None;
    bool m_overview = false;
    int m_overviewSelection = 0;
    double m_zoom = 1.0;
    bool m_showOwnAnswers = false;
    QString m_typedNumber;  // digits typed before Enter: a jump to that slide
};
