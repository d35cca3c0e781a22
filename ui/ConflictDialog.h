#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonObject>

class QTableWidget;

namespace mailadmin::ui {

// Shown when a save meets a newer version: my changes beside what is stored now, field by field.
// Apply re-applies my changes on the current version; Discard keeps theirs.
class ConflictWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ConflictWidget(QWidget *parent = nullptr);
    // `labels` names the fields as the form does ("Display name", not display_name).
    void setVersions(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs,
        const QHash<QString, QString> &labels = {});
    QTableWidget *table() const { return m_table; }
    // The field names the last conflict showed (or would have shown, when a test answered it).
    static QStringList lastFields();

private:
    QTableWidget *m_table;
};

class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    enum Choice
    {
        ApplyMine,
        KeepTheirs,
        Cancel
    };
    ConflictDialog(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs,
        const QHash<QString, QString> &labels = {}, QWidget *parent = nullptr);
    Choice choice() const { return m_choice; }

    // Tests answer the next conflict without a modal loop.
    static void setNextChoice(Choice choice);
    static Choice ask(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs,
        const QHash<QString, QString> &labels, QWidget *parent);

private:
    Choice m_choice = Cancel;
};

} // namespace mailadmin::ui
