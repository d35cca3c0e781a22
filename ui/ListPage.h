#pragma once

#include <QModelIndexList>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;
class QVBoxLayout;

namespace mailadmin::models {
class PagedListModel;
}

namespace mailadmin::ui {

class AppContext;

// A page around a server list: search box, filters, the table (which loads more as it scrolls), the total,
// and export of the whole list with its current filter to CSV.
class ListPage : public QWidget
{
    Q_OBJECT
public:
    ListPage(
        AppContext *context, models::PagedListModel *model, const QString &title, QWidget *parent = nullptr);

    models::PagedListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchEdit() const { return m_search; }
    QList<int> selectedRows() const;
    void exportCsv();
    void refresh();
    void setTitle(const QString &title);
    // A button under the table; hidden when the role lacks `action`.
    QPushButton *addButton(const QString &text, const QString &objectName, const QString &action = QString());
    // Sizes the columns to their contents (up to a limit) and lets the widest take the room the others
    // leave, so that a table fits its width; unless a page already chose the column that stretches.
    static void fitColumns(QTableView *table);
    // A table that shares its page with others keeps `rows` rows in sight.
    static void showSomeRows(QTableView *table, int rows = 5);

signals:
    void activated(int row);

protected:
    AppContext *context() const { return m_context; }
    QHBoxLayout *filterLayout() const { return m_filters; }
    QHBoxLayout *buttonLayout() const { return m_buttons; }
    QVBoxLayout *pageLayout() const { return m_layout; }
    // Enables buttons that need a selection; pages add their own rules.
    virtual void selectionChanged();
    QList<QPushButton *> m_needSelection;

private:
    void updateTotal();

    AppContext *m_context;
    models::PagedListModel *m_model;
    QVBoxLayout *m_layout;
    QLineEdit *m_search;
    QHBoxLayout *m_filters;
    QHBoxLayout *m_buttons;
    QTableView *m_table;
    QLabel *m_total;
    QLabel *m_title;
    QTimer *m_debounce;
};

} // namespace mailadmin::ui
