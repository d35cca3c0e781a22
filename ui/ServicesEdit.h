#pragma once

#include <QJsonObject>
#include <QWidget>

class QComboBox;

namespace mailadmin::ui {

// One choice per protocol (IMAP, POP, Webmail, SMTP): enabled, disabled or suspended.
class ServicesEdit : public QWidget
{
    Q_OBJECT
public:
    explicit ServicesEdit(QWidget *parent = nullptr);
    QJsonObject value() const;
    void setValue(const QJsonObject &services);
    void setReadOnly(bool readOnly);

signals:
    void changed();

private:
    QList<QComboBox *> m_boxes;
};

} // namespace mailadmin::ui
