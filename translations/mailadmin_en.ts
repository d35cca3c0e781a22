<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ApiError</name>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many attempts. Try again in %Ln second.</numerusform>
            <numerusform>Too many attempts. Try again in %Ln seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::models::AlertEpisodeListModel</name>
    <message numerus="yes">
        <source>%1 (%n days)</source>
        <translation>
            <numerusform>%1 (%Ln day)</numerusform>
            <numerusform>%1 (%Ln days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n h)</source>
        <translation>
            <numerusform>%1 (%Ln h)</numerusform>
            <numerusform>%1 (%Ln h)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alerts; the busiest period sent %1 messages</source>
        <translation>
            <numerusform>%Ln alert; the busiest period sent %1 messages</numerusform>
            <numerusform>%Ln alerts; the busiest period sent %1 messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::models::NavigationModel</name>
    <message numerus="yes">
        <source>%n domain(s)</source>
        <translation>
            <numerusform>%Ln domain</numerusform>
            <numerusform>%Ln domains</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::AlertsPage</name>
    <message numerus="yes">
        <source>Outbound mail of this user is released; %n held messages go on their way.</source>
        <translation>
            <numerusform>Outbound mail of this user is released; %Ln held message goes on its way.</numerusform>
            <numerusform>Outbound mail of this user is released; %Ln held messages go on their way.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: outbound spike in %n consecutive hours, %2.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: outbound spike in %Ln consecutive hour, %2.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: outbound spike in %Ln consecutive hours, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: outbound spike on %n consecutive days, %2.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: outbound spike on %Ln consecutive day, %2.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: outbound spike on %Ln consecutive days, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Status: %1 (%2 of %n alerts open)</source>
        <translation>
            <numerusform>Status: %1 (%2 of %Ln alert open)</numerusform>
            <numerusform>Status: %1 (%2 of %Ln alerts open)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledging %n alerts…</source>
        <translation>
            <numerusform>Acknowledging %Ln alert…</numerusform>
            <numerusform>Acknowledging %Ln alerts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolving %n alerts…</source>
        <translation>
            <numerusform>Resolving %Ln alert…</numerusform>
            <numerusform>Resolving %Ln alerts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alerts acknowledged.</source>
        <translation>
            <numerusform>%Ln alert acknowledged.</numerusform>
            <numerusform>%Ln alerts acknowledged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alerts resolved.</source>
        <translation>
            <numerusform>%Ln alert resolved.</numerusform>
            <numerusform>%Ln alerts resolved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::BulletinsPage</name>
    <message numerus="yes">
        <source>Queued for %n mailboxes.</source>
        <translation>
            <numerusform>Queued for %Ln mailbox.</numerusform>
            <numerusform>Queued for %Ln mailboxes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queued for %n affected mailboxes.</source>
        <translation>
            <numerusform>Queued for %Ln affected mailbox.</numerusform>
            <numerusform>Queued for %Ln affected mailboxes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::CompanyStatusActions</name>
    <message numerus="yes">
        <source>%n domain(s)</source>
        <translation>
            <numerusform>%Ln domain</numerusform>
            <numerusform>%Ln domains</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es)</source>
        <translation>
            <numerusform>%Ln mailbox</numerusform>
            <numerusform>%Ln mailboxes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::DashboardPage</name>
    <message numerus="yes">
        <source>%n spike(s) marked on the chart, none open</source>
        <translation>
            <numerusform>%Ln spike marked on the chart, none open</numerusform>
            <numerusform>%Ln spikes marked on the chart, none open</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::DeletedItemsPage</name>
    <message numerus="yes">
        <source>Restore %n user(s)</source>
        <translation>
            <numerusform>Restore %Ln user</numerusform>
            <numerusform>Restore %Ln users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::DomainPage</name>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%Ln user</numerusform>
            <numerusform>%Ln users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %1 and hide its %n user(s)? It can be restored from Deleted items for 30 days.</source>
        <translation>
            <numerusform>Delete %1 and hide its %Ln user? It can be restored from Deleted items for 30 days.</numerusform>
            <numerusform>Delete %1 and hide its %Ln users? It can be restored from Deleted items for 30 days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::DomainsPage</name>
    <message numerus="yes">
        <source>Delete %1 with its %n user(s)? It can be restored from Deleted items for 30 days.</source>
        <translation>
            <numerusform>Delete %1 with its %Ln user? It can be restored from Deleted items for 30 days.</numerusform>
            <numerusform>Delete %1 with its %Ln users? It can be restored from Deleted items for 30 days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::InactiveUsersPage</name>
    <message numerus="yes">
        <source>Suspend %n user(s)</source>
        <translation>
            <numerusform>Suspend %Ln user</numerusform>
            <numerusform>Suspend %Ln users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n user(s)? They can be restored from Deleted items for 30 days.</source>
        <translation>
            <numerusform>Delete %Ln user? It can be restored from Deleted items for 30 days.</numerusform>
            <numerusform>Delete %Ln users? They can be restored from Deleted items for 30 days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n user(s)</source>
        <translation>
            <numerusform>Delete %Ln user</numerusform>
            <numerusform>Delete %Ln users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::IncidentBanner</name>
    <message numerus="yes">
        <source>(and %n more open incident(s))</source>
        <translation>
            <numerusform>(and %Ln more open incident)</numerusform>
            <numerusform>(and %Ln more open incidents)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::JumpBox</name>
    <message numerus="yes">
        <source>Domain %1 — %n user(s)</source>
        <translation>
            <numerusform>Domain %1 — %Ln user</numerusform>
            <numerusform>Domain %1 — %Ln users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::ListPage</name>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln row to %1</numerusform>
            <numerusform>Exported %Ln rows to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::User360Page</name>
    <message numerus="yes">
        <source>Outbound mail is released; %n held messages go on their way.</source>
        <translation>
            <numerusform>Outbound mail is released; %Ln held message goes on its way.</numerusform>
            <numerusform>Outbound mail is released; %Ln held messages go on their way.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::UsersPage</name>
    <message numerus="yes">
        <source>Suspend %n user(s)</source>
        <translation>
            <numerusform>Suspend %Ln user</numerusform>
            <numerusform>Suspend %Ln users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unsuspend %n user(s)</source>
        <translation>
            <numerusform>Unsuspend %Ln user</numerusform>
            <numerusform>Unsuspend %Ln users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n user(s)? They can be restored from Deleted items for 30 days.</source>
        <translation>
            <numerusform>Delete %Ln user? It can be restored from Deleted items for 30 days.</numerusform>
            <numerusform>Delete %Ln users? They can be restored from Deleted items for 30 days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n user(s)</source>
        <translation>
            <numerusform>Delete %Ln user</numerusform>
            <numerusform>Delete %Ln users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the quota of %n user(s)</source>
        <translation>
            <numerusform>Set the quota of %Ln user</numerusform>
            <numerusform>Set the quota of %Ln users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New quota for %n selected user(s):</source>
        <translation>
            <numerusform>New quota for %Ln selected user:</numerusform>
            <numerusform>New quota for %Ln selected users:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::ReportScheduleEditor</name>
    <message numerus="yes">
        <source>Not sent: the report was sent 3 times in the last 10 minutes. Try again in %n second(s).</source>
        <translation>
            <numerusform>Not sent: the report was sent 3 times in the last 10 minutes. Try again in %Ln second.</numerusform>
            <numerusform>Not sent: the report was sent 3 times in the last 10 minutes. Try again in %Ln seconds.</numerusform>
        </translation>
    </message>
</context>
</TS>
