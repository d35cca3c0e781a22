#include "ConflictDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mailadmin::ui {

namespace {
ConflictDialog::Choice g_next = ConflictDialog::Cancel;
bool g_hasNext = false;
QStringList g_lastFields;

QString describe(const QJsonValue &v)
{
    if (v.isUndefined() || v.isNull())
        return QStringLiteral("—");
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QObject::tr("yes") : QObject::tr("no");
    if (v.isDouble())
        return QString::number(qint64(v.toDouble()));
    const QByteArray json = v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                        : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json);
}
} // namespace

ConflictWidget::ConflictWidget(QWidget *parent) : QWidget(parent), m_table(new QTableWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *intro = new QLabel(
        tr("Someone else saved this object while you were editing it. Their version is stored now; "
           "your changes are not saved yet."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table->setObjectName(QStringLiteral("conflictTableWidget"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Your change"), tr("Stored now")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table);
}

QStringList ConflictWidget::lastFields()
{
    return g_lastFields;
}

void ConflictWidget::setVersions(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs,
    const QHash<QString, QString> &labels)
{
    QStringList fields = mine.keys();
    // Fields they changed that I did not touch are shown too, so nothing surprises.
    for (auto it = theirs.begin(); it != theirs.end(); ++it) {
        if (base.contains(it.key()) && base.value(it.key()) != it.value() && !fields.contains(it.key())
            && it.key() != QLatin1String("version") && it.key() != QLatin1String("updated_at"))
            fields << it.key();
    }
    m_table->setRowCount(int(fields.size()));
    g_lastFields.clear();
    for (int row = 0; row < fields.size(); ++row) {
        const QString &f = fields.at(row);
        QString name = labels.value(f);
        if (name.isEmpty()) {
            // A field the form does not show: its key read as words ("used bytes" → "Used bytes").
            name = f;
            name.replace(QLatin1Char('_'), QLatin1Char(' '));
            name[0] = name.at(0).toUpper();
        }
        g_lastFields << name;
        m_table->setItem(row, 0, new QTableWidgetItem(name));
        m_table->setItem(
            row, 1, new QTableWidgetItem(mine.contains(f) ? describe(mine.value(f)) : tr("(unchanged)")));
        auto *theirsItem = new QTableWidgetItem(describe(theirs.value(f)));
        if (mine.contains(f) && theirs.value(f) != base.value(f)) {
            QFont bold = theirsItem->font();
            bold.setBold(true);
            theirsItem->setFont(bold);
            theirsItem->setToolTip(tr("Both of you changed this field."));
        }
        m_table->setItem(row, 2, theirsItem);
    }
}

ConflictDialog::ConflictDialog(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs,
    const QHash<QString, QString> &labels, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Changed by someone else"));
    auto *layout = new QVBoxLayout(this);
    auto *widget = new ConflictWidget(this);
    widget->setVersions(base, mine, theirs, labels);
    layout->addWidget(widget);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *apply
        = buttons->addButton(tr("Apply my changes to their version"), QDialogButtonBox::AcceptRole);
    apply->setObjectName(QStringLiteral("applyMineButton"));
    QPushButton *keep
        = buttons->addButton(tr("Discard mine, keep theirs"), QDialogButtonBox::DestructiveRole);
    keep->setObjectName(QStringLiteral("keepTheirsButton"));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(apply, &QPushButton::clicked, this, [this] {
        m_choice = ApplyMine;
        accept();
    });
    connect(keep, &QPushButton::clicked, this, [this] {
        m_choice = KeepTheirs;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 360);
}

void ConflictDialog::setNextChoice(Choice choice)
{
    g_next = choice;
    g_hasNext = true;
}

ConflictDialog::Choice ConflictDialog::ask(const QJsonObject &base, const QJsonObject &mine,
    const QJsonObject &theirs, const QHash<QString, QString> &labels, QWidget *parent)
{
    if (g_hasNext) {
        g_hasNext = false;
        ConflictWidget(nullptr).setVersions(base, mine, theirs, labels);
        return g_next;
    }
    ConflictDialog dialog(base, mine, theirs, labels, parent);
    dialog.exec();
    return dialog.choice();
}

} // namespace mailadmin::ui
