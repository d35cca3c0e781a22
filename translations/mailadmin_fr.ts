<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ApiError</name>
    <message>
        <source>The server cannot be reached. Check the address and your connection.</source>
        <translation>Le serveur est injoignable. Vérifiez l'adresse et votre connexion.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Le serveur n'a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The server's certificate is not trusted: %1</source>
        <translation>Le certificat du serveur n'est pas reconnu : %1</translation>
    </message>
    <message>
        <source>The server sent an answer that could not be read.</source>
        <translation>Le serveur a envoyé une réponse illisible.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>La requête a été annulée.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>Votre session a pris fin. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Votre rôle ne le permet pas.</translation>
    </message>
    <message>
        <source>It no longer exists, or it is outside what you may see.</source>
        <translation>Cela n'existe plus, ou se trouve hors de ce que vous pouvez voir.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de tentatives. Réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de tentatives. Réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server failed. Quote reference %1 to its operator.</source>
        <translation>Le serveur a échoué. Communiquez la référence %1 à son exploitant.</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>Le serveur a refusé la requête (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>BulkOperation</name>
    <message>
        <source>Not done: cancelled</source>
        <translation>Non fait : annulé</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>B</source>
        <translation>o</translation>
    </message>
    <message>
        <source>KB</source>
        <translation>Ko</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>Go</translation>
    </message>
    <message>
        <source>TB</source>
        <translation>To</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Exploitant</translation>
    </message>
    <message>
        <source>Company admin</source>
        <translation>Administrateur d'entreprise</translation>
    </message>
    <message>
        <source>Read-only (executive)</source>
        <translation>Lecture seule (direction)</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Assistance</translation>
    </message>
    <message>
        <source>Domain admin</source>
        <translation>Administrateur de domaine</translation>
    </message>
    <message>
        <source>Log collector</source>
        <translation>Collecteur de journaux</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Urgence</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Technique</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Facturation</translation>
    </message>
    <message>
        <source>Abuse</source>
        <translation>Abus</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Commercial</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>IMAP</source>
        <translation>IMAP</translation>
    </message>
    <message>
        <source>POP</source>
        <translation>POP</translation>
    </message>
    <message>
        <source>Webmail</source>
        <translation>Webmail</translation>
    </message>
    <message>
        <source>SMTP</source>
        <translation>SMTP</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restauré</translation>
    </message>
    <message>
        <source>Password set</source>
        <translation>Mot de passe défini</translation>
    </message>
    <message>
        <source>Unsuspended</source>
        <translation>Réactivé</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Données de démonstration</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marque</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>status of a user account</comment>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Suspended</source>
        <comment>status of a user account</comment>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>Deleted</source>
        <comment>status of a user account</comment>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>status of a company</comment>
        <translation>Active</translation>
    </message>
    <message>
        <source>Suspended</source>
        <comment>status of a company</comment>
        <translation>Suspendue</translation>
    </message>
    <message>
        <source>Deleted</source>
        <comment>status of a company</comment>
        <translation>Supprimée</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <comment>kind of user</comment>
        <translation>Boîte aux lettres</translation>
    </message>
    <message>
        <source>Forward</source>
        <comment>kind of user</comment>
        <translation>Transfert</translation>
    </message>
    <message>
        <source>Filter</source>
        <comment>kind of user</comment>
        <translation>Filtre</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Mineure</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Majeure</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>status of an alert</comment>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <comment>status of an alert</comment>
        <translation>Prise en charge</translation>
    </message>
    <message>
        <source>Resolved</source>
        <comment>status of an alert</comment>
        <translation>Résolue</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>status of an incident</comment>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <comment>status of an incident</comment>
        <translation>Planifié</translation>
    </message>
    <message>
        <source>Resolved</source>
        <comment>status of an incident</comment>
        <translation>Résolu</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Inbound mail</source>
        <translation>Courrier entrant</translation>
    </message>
    <message>
        <source>Outbound mail</source>
        <translation>Courrier sortant</translation>
    </message>
    <message>
        <source>Successful</source>
        <comment>result of a login</comment>
        <translation>Réussie</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>result of a login</comment>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>Default quota</source>
        <translation>Quota par défaut</translation>
    </message>
    <message>
        <source>Quota maximum</source>
        <translation>Quota maximal</translation>
    </message>
    <message>
        <source>User limit</source>
        <translation>Limite d'utilisateurs</translation>
    </message>
    <message>
        <source>Alias limit</source>
        <translation>Limite d'alias</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Alias domains</source>
        <translation>Domaines alias</translation>
    </message>
    <message>
        <source>Forward to</source>
        <translation>Transférer à</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Deleted on</source>
        <translation>Supprimé le</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>All companies</source>
        <translation>Toutes les entreprises</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Entreprises</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Brands</source>
        <translation>Marques</translation>
    </message>
    <message>
        <source>Administrators</source>
        <translation>Administrateurs</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d'audit</translation>
    </message>
    <message>
        <source>Deleted items</source>
        <translation>Éléments supprimés</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Inactive users</source>
        <translation>Utilisateurs inactifs</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Clusters</translation>
    </message>
    <message>
        <source>Mail stores</source>
        <translation>Stockages de courrier</translation>
    </message>
    <message>
        <source>Bulletins</source>
        <translation>Bulletins</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>PRODUCTION</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>TEST</translation>
    </message>
</context>
<context>
    <name>SeriesModel</name>
    <message>
        <source>week of %1</source>
        <translation>semaine du %1</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Use an ISO 8601 UTC time such as 2026-12-01T22:00:00Z.</source>
        <translation>Utilisez une heure UTC ISO 8601 comme 2026-12-01T22:00:00Z.</translation>
    </message>
    <message>
        <source>Use one of: %1.</source>
        <translation>Utilisez l'une de ces valeurs : %1.</translation>
    </message>
    <message>
        <source>Use at most 128 characters.</source>
        <translation>Utilisez au plus 128 caractères.</translation>
    </message>
    <message>
        <source>Control characters other than line breaks and tabs are not allowed.</source>
        <translation>Les caractères de contrôle autres que les sauts de ligne et les tabulations ne sont pas permis.</translation>
    </message>
    <message>
        <source>Control characters and line breaks are not allowed.</source>
        <translation>Les caractères de contrôle et les sauts de ligne ne sont pas permis.</translation>
    </message>
    <message>
        <source>Use at most %1 characters.</source>
        <translation>Utilisez au plus %1 caractères.</translation>
    </message>
    <message>
        <source>This cannot be empty.</source>
        <translation>Ce champ ne peut pas être vide.</translation>
    </message>
    <message>
        <source>Use at least %1 characters.</source>
        <translation>Utilisez au moins %1 caractères.</translation>
    </message>
    <message>
        <source>This field cannot be null.</source>
        <translation>Ce champ ne peut pas être nul.</translation>
    </message>
    <message>
        <source>Expected %1.</source>
        <translation>%1 attendu.</translation>
    </message>
    <message>
        <source>This number is far too large.</source>
        <translation>Ce nombre est bien trop grand.</translation>
    </message>
    <message>
        <source>Use a value from %1 to %2.</source>
        <translation>Utilisez une valeur de %1 à %2.</translation>
    </message>
    <message>
        <source>Use a value of at least %1.</source>
        <translation>Utilisez une valeur d'au moins %1.</translation>
    </message>
    <message>
        <source>Expected true or false.</source>
        <translation>Vrai ou faux attendu.</translation>
    </message>
    <message>
        <source>Expected a list of ids.</source>
        <translation>Une liste d'identifiants attendue.</translation>
    </message>
    <message>
        <source>Use at most %1 entries.</source>
        <translation>Utilisez au plus %1 entrées.</translation>
    </message>
    <message>
        <source>Expected a positive id.</source>
        <translation>Un identifiant positif attendu.</translation>
    </message>
    <message>
        <source>This entry is listed twice.</source>
        <translation>Cette entrée figure deux fois.</translation>
    </message>
    <message>
        <source>Expected a list of strings.</source>
        <translation>Une liste de textes attendue.</translation>
    </message>
    <message>
        <source>Expected a string.</source>
        <translation>Un texte attendu.</translation>
    </message>
    <message>
        <source>Expected an object of protocol to state.</source>
        <translation>Un objet associant protocole et état attendu.</translation>
    </message>
    <message>
        <source>Known protocols: %1.</source>
        <translation>Protocoles connus : %1.</translation>
    </message>
    <message>
        <source>Expected base64 text.</source>
        <translation>Un texte base64 attendu.</translation>
    </message>
    <message>
        <source>This is not valid base64.</source>
        <translation>Ce n'est pas du base64 valide.</translation>
    </message>
    <message>
        <source>Use at most %1 KiB.</source>
        <translation>Utilisez au plus %1 Kio.</translation>
    </message>
    <message>
        <source>This field is not known here.</source>
        <translation>Ce champ n'est pas connu ici.</translation>
    </message>
    <message>
        <source>This field cannot be set.</source>
        <translation>Ce champ ne peut pas être modifié.</translation>
    </message>
    <message>
        <source>This field is set when the object is created.</source>
        <translation>Ce champ se fixe à la création de l'objet.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Ce champ est obligatoire.</translation>
    </message>
    <message>
        <source>Some fields are not valid.</source>
        <translation>Certains champs ne sont pas valides.</translation>
    </message>
    <message>
        <source>A domain name is required.</source>
        <translation>Un nom de domaine est obligatoire.</translation>
    </message>
    <message>
        <source>A domain name cannot contain spaces or control characters.</source>
        <translation>Un nom de domaine ne peut contenir ni espaces ni caractères de contrôle.</translation>
    </message>
    <message>
        <source>A domain name has at most 253 characters.</source>
        <translation>Un nom de domaine a au plus 253 caractères.</translation>
    </message>
    <message>
        <source>This is not a valid internationalized domain name.</source>
        <translation>Ce n'est pas un nom de domaine internationalisé valide.</translation>
    </message>
    <message>
        <source>A domain name needs at least two labels, such as example.com.</source>
        <translation>Un nom de domaine a au moins deux parties, comme example.com.</translation>
    </message>
    <message>
        <source>Each part of a domain name has at most 63 characters.</source>
        <translation>Chaque partie d'un nom de domaine a au plus 63 caractères.</translation>
    </message>
    <message>
        <source>Each part of a domain name uses letters, digits and inner hyphens only.</source>
        <translation>Chaque partie d'un nom de domaine n'utilise que des lettres, des chiffres et des traits d'union intérieurs.</translation>
    </message>
    <message>
        <source>The last part of a domain name cannot be all digits.</source>
        <translation>La dernière partie d'un nom de domaine ne peut pas être faite que de chiffres.</translation>
    </message>
    <message>
        <source>A mailbox name is required.</source>
        <translation>Un nom de boîte aux lettres est obligatoire.</translation>
    </message>
    <message>
        <source>A mailbox name has at most 64 characters.</source>
        <translation>Un nom de boîte aux lettres a au plus 64 caractères.</translation>
    </message>
    <message>
        <source>A mailbox name cannot start or end with a dot or have two dots in a row.</source>
        <translation>Un nom de boîte aux lettres ne peut ni commencer ni finir par un point, ni avoir deux points de suite.</translation>
    </message>
    <message>
        <source>A mailbox name uses letters a–z, digits and . _ - + and similar symbols only.</source>
        <translation>Un nom de boîte aux lettres n'utilise que les lettres a–z, des chiffres et . _ - + ou des symboles semblables.</translation>
    </message>
    <message>
        <source>An e-mail address is required.</source>
        <translation>Une adresse e-mail est obligatoire.</translation>
    </message>
    <message>
        <source>An e-mail address has at most 254 characters.</source>
        <translation>Une adresse e-mail a au plus 254 caractères.</translation>
    </message>
    <message>
        <source>An e-mail address looks like name@example.com.</source>
        <translation>Une adresse e-mail s'écrit comme nom@example.com.</translation>
    </message>
    <message>
        <source>The part of an e-mail address before the @ has at most 64 characters.</source>
        <translation>La partie d'une adresse e-mail avant le @ a au plus 64 caractères.</translation>
    </message>
    <message>
        <source>The part of an e-mail address before the @ uses letters, digits and . _ - + and similar symbols, with no dot at either end or two in a row.</source>
        <translation>La partie d'une adresse e-mail avant le @ utilise des lettres, des chiffres et . _ - + ou des symboles semblables, sans point au début ni à la fin ni deux points de suite.</translation>
    </message>
    <message>
        <source>A colour is written #rrggbb, for example #1a73e8.</source>
        <translation>Une couleur s'écrit #rrvvbb, par exemple #1a73e8.</translation>
    </message>
    <message>
        <source>A URL has at most 2048 characters.</source>
        <translation>Une URL a au plus 2048 caractères.</translation>
    </message>
    <message>
        <source>A URL cannot contain spaces or control characters.</source>
        <translation>Une URL ne peut contenir ni espaces ni caractères de contrôle.</translation>
    </message>
    <message>
        <source>A URL starts with https:// or http:// and names a host.</source>
        <translation>Une URL commence par https:// ou http:// et nomme un hôte.</translation>
    </message>
    <message>
        <source>A URL here cannot carry a user name or password.</source>
        <translation>Une URL ne peut pas porter ici de nom d'utilisateur ni de mot de passe.</translation>
    </message>
    <message>
        <source>A telephone number has at most 64 characters.</source>
        <translation>Un numéro de téléphone a au plus 64 caractères.</translation>
    </message>
    <message>
        <source>A telephone number uses digits, spaces, dashes, dots, parentheses and an optional leading +.</source>
        <translation>Un numéro de téléphone utilise des chiffres, des espaces, des tirets, des points, des parenthèses et éventuellement un + au début.</translation>
    </message>
    <message>
        <source>A telephone number has between 4 and 20 digits.</source>
        <translation>Un numéro de téléphone a entre 4 et 20 chiffres.</translation>
    </message>
    <message>
        <source>A login name is required.</source>
        <translation>Un identifiant est obligatoire.</translation>
    </message>
    <message>
        <source>A login name has at most 64 characters.</source>
        <translation>Un identifiant a au plus 64 caractères.</translation>
    </message>
    <message>
        <source>A login name has 3 to 64 of a–z, 0–9, '.', '_', '-' and '@', and starts with a letter or digit.</source>
        <translation>Un identifiant a de 3 à 64 caractères parmi a–z, 0–9, « . », « _ », « - » et « @ », et commence par une lettre ou un chiffre.</translation>
    </message>
    <message>
        <source>Use at least 10 characters.</source>
        <translation>Utilisez au moins 10 caractères.</translation>
    </message>
    <message>
        <source>Control characters are not allowed.</source>
        <translation>Les caractères de contrôle ne sont pas permis.</translation>
    </message>
    <message>
        <source>Do not include the account name.</source>
        <translation>N'incluez pas le nom du compte.</translation>
    </message>
    <message>
        <source>This password is too easy to guess</source>
        <translation>Ce mot de passe est trop facile à deviner</translation>
    </message>
</context>
<context>
    <name>mailadmin::app::Application</name>
    <message>
        <source>Password not remembered</source>
        <translation>Mot de passe non mémorisé</translation>
    </message>
    <message>
        <source>MailAdmin demo</source>
        <translation>Démo MailAdmin</translation>
    </message>
    <message>
        <source>Starting the MailAdmin demo…</source>
        <translation>Démarrage de la démo MailAdmin…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Signing in to the demo as %1 failed: %2</source>
        <translation>La connexion à la démo en tant que %1 a échoué : %2</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
    <message>
        <source>MailAdmin</source>
        <translation>MailAdmin</translation>
    </message>
</context>
<context>
    <name>mailadmin::app::DemoServer</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>Échec de « %1 » : %2</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>Impossible de démarrer %1 : %2</translation>
    </message>
    <message>
        <source>The demo needs mailadmind beside the client (%1).</source>
        <translation>La démo a besoin de mailadmind à côté du client (%1).</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder for the demo database.</source>
        <translation>Impossible de créer un dossier temporaire pour la base de démonstration.</translation>
    </message>
    <message>
        <source>Creating the demo database</source>
        <translation>Création de la base de démonstration</translation>
    </message>
    <message>
        <source>Starting the demo server</source>
        <translation>Démarrage du serveur de démonstration</translation>
    </message>
    <message>
        <source>The demo server stopped (exit %1): %2</source>
        <translation>Le serveur de démonstration s'est arrêté (code %1) : %2</translation>
    </message>
    <message>
        <source>Writing 20,000 demo users and 90 days of mail activity</source>
        <translation>Écriture de 20 000 utilisateurs de démonstration et de 90 jours d’activité</translation>
    </message>
</context>
<context>
    <name>mailadmin::charts::QuotaGauge</name>
    <message>
        <source>Used</source>
        <translation>Utilisé</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Libre</translation>
    </message>
    <message>
        <source>%1 of %2 (%3%)</source>
        <translation>%1 sur %2 (%3 %)</translation>
    </message>
    <message>
        <source>%1 used, no quota</source>
        <translation>%1 utilisés, sans quota</translation>
    </message>
</context>
<context>
    <name>mailadmin::charts::ShareDonut</name>
    <message>
        <source>%1: %2 (%3 %)</source>
        <translation>%1 : %2 (%3 %)</translation>
    </message>
</context>
<context>
    <name>mailadmin::charts::TimeSeriesChart</name>
    <message>
        <source>No data in this range</source>
        <translation>Aucune donnée sur cette période</translation>
    </message>
    <message>
        <source>Drag to zoom into a stretch of time; double-click, Escape or the right button shows it all again. Click a legend entry to hide or show its series.</source>
        <translation>Faites glisser pour agrandir une période ; double-clic, Échap ou le bouton droit montrent tout à nouveau. Cliquez sur une entrée de la légende pour masquer ou afficher sa série.</translation>
    </message>
    <message>
        <source>Spike</source>
        <translation>Pic</translation>
    </message>
    <message>
        <source>Median to alert level</source>
        <translation>De la médiane au seuil d’alerte</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::ActivityListModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::AdminListModel</name>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>Whole server</source>
        <translation>Tout le serveur</translation>
    </message>
    <message>
        <source>Company %1</source>
        <translation>Entreprise %1</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::AffectedMailboxModel</name>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Mail store</source>
        <translation>Stockage</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::AlertListModel</name>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Account or domain</source>
        <translation>Compte ou domaine</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Usual</source>
        <translation>Habituel</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Facteur</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>%1 messages against a usual %2 (spread %3); alert threshold %4</source>
        <translation>%1 messages pour %2 habituellement (écart %3) ; seuil d’alerte %4</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::AlertEpisodeListModel</name>
    <message>
        <source>Account or domain</source>
        <translation>Compte ou domaine</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Pic</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Facteur</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n days)</source>
        <translation>
            <numerusform>%1 (%n jour)</numerusform>
            <numerusform>%1 (%n jours)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n h)</source>
        <translation>
            <numerusform>%1 (%n h)</numerusform>
            <numerusform>%1 (%n h)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alerts; the busiest period sent %1 messages</source>
        <translation>
            <numerusform>%n alerte ; la période la plus chargée a envoyé %1 messages</numerusform>
            <numerusform>%n alertes ; la période la plus chargée a envoyé %1 messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::models::AuditListModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>%1 number %2</source>
        <translation>%1 numéro %2</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::BrandListModel</name>
    <message>
        <source>Brand</source>
        <translation>Marque</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>Nom du produit</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Couleurs</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Attribuée à</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::BulletinListModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>To each new mailbox</source>
        <translation>À chaque nouvelle boîte</translation>
    </message>
    <message>
        <source>When posted</source>
        <translation>À la publication</translation>
    </message>
    <message>
        <source>affected by an incident</source>
        <translation>touchées par un incident</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>new mailboxes</source>
        <translation>nouvelles boîtes</translation>
    </message>
    <message>
        <source>all mailboxes</source>
        <translation>toutes les boîtes</translation>
    </message>
    <message>
        <source>all of %1</source>
        <translation>tout %1</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::ClusterListModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>Stockages</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Boîtes aux lettres</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::CompanyListModel</name>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Default quota</source>
        <translation>Quota par défaut</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::CompanyOverviewModel</name>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Boîtes aux lettres</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actives</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Utilisé</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>% used</source>
        <translation>% utilisé</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>No quota</source>
        <translation>Sans quota</translation>
    </message>
    <message>
        <source>Deleted: Restore brings it back with its domains and mailboxes.</source>
        <translation>Supprimée : « Restaurer » la rétablit avec ses domaines et ses boîtes aux lettres.</translation>
    </message>
    <message>
        <source>Suspended: its admins cannot sign in and its mail is refused.</source>
        <translation>Suspendue : ses administrateurs ne peuvent plus se connecter et son courrier est refusé.</translation>
    </message>
    <message>
        <source>Suspended: %1</source>
        <translation>Suspendue : %1</translation>
    </message>
    <message>
        <source>%1 of the mailboxes logged in during the last 7 days</source>
        <translation>%1 des boîtes aux lettres se sont connectées au cours des 7 derniers jours</translation>
    </message>
    <message>
        <source>The sum of the mailboxes' quotas; mailboxes without a quota are not counted.</source>
        <translation>La somme des quotas des boîtes aux lettres ; celles sans quota ne sont pas comptées.</translation>
    </message>
    <message>
        <source>Mailboxes that logged in during the last 7 days</source>
        <translation>Boîtes aux lettres connectées au cours des 7 derniers jours</translation>
    </message>
    <message>
        <source>Storage used by the company's mailboxes</source>
        <translation>Stockage utilisé par les boîtes aux lettres de l'entreprise</translation>
    </message>
    <message>
        <source>Storage used as a share of the quotas</source>
        <translation>Stockage utilisé en part des quotas</translation>
    </message>
    <message>
        <source>Alerts still open or acknowledged</source>
        <translation>Alertes encore ouvertes ou prises en charge</translation>
    </message>
    <message>
        <source>Open incidents affecting the company</source>
        <translation>Incidents ouverts touchant l'entreprise</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::ContactListModel</name>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::DomainListModel</name>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Default quota</source>
        <translation>Quota par défaut</translation>
    </message>
    <message>
        <source>Quota maximum</source>
        <translation>Quota maximal</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>Supprimé le %1</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::ImpactListModel</name>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Affected mailboxes</source>
        <translation>Boîtes touchées</translation>
    </message>
    <message>
        <source>Of its mailboxes</source>
        <translation>Sur ses boîtes</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::InactiveListModel</name>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>IMAP</source>
        <translation>IMAP</translation>
    </message>
    <message>
        <source>POP</source>
        <translation>POP</translation>
    </message>
    <message>
        <source>Webmail</source>
        <translation>Webmail</translation>
    </message>
    <message>
        <source>SMTP</source>
        <translation>SMTP</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Utilisé</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::IncidentListModel</name>
    <message>
        <source>Starts</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Affected</source>
        <translation>Touchés</translation>
    </message>
    <message>
        <source>Outage</source>
        <translation>Panne</translation>
    </message>
    <message>
        <source>Degradation</source>
        <translation>Dégradation</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>%1 of your %2 mailboxes</source>
        <translation>%1 de vos %2 boîtes</translation>
    </message>
    <message>
        <source>%1 mailboxes in %2 companies</source>
        <translation>%1 boîtes dans %2 entreprises</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::ListExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d'écrire %1 : %2</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Export annulé.</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::MailStoreListModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>New mailboxes</source>
        <translation>Nouvelles boîtes</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Boîtes aux lettres</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>acceptées</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>refusées</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::NavigationModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n domain(s)</source>
        <translation>
            <numerusform>%n domaine</numerusform>
            <numerusform>%n domaines</numerusform>
        </translation>
    </message>
    <message>
        <source>Disabled: its mailboxes do not work</source>
        <translation>Désactivé : ses boîtes ne fonctionnent pas</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::NoticeDeliveryModel</name>
    <message>
        <source>Update</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>envoi en cours</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>failed, will retry</source>
        <translation>échec, nouvel essai prévu</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrompu</translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation>envoyé le %1</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::OutageSuggestionModel</name>
    <message>
        <source>Suggested</source>
        <translation>Suggéré</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Observed / expected</source>
        <translation>Observé / attendu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Failed logins rising</source>
        <translation>Connexions échouées en hausse</translation>
    </message>
    <message>
        <source>Successful logins falling</source>
        <translation>Connexions réussies en baisse</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>suggéré</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmé</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>écarté</translation>
    </message>
    <message>
        <source>recovered</source>
        <translation>rétabli</translation>
    </message>
    <message>
        <source>%1, ongoing</source>
        <translation>%1, en cours</translation>
    </message>
    <message>
        <source>Cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
    <message>
        <source>Mail store %1 (%2)</source>
        <translation>Stockage %1 (%2)</translation>
    </message>
    <message>
        <source>%1 failed / %2 expected</source>
        <translation>%1 échouées / %2 attendues</translation>
    </message>
    <message>
        <source>%1 successful / %2 expected</source>
        <translation>%1 réussies / %2 attendues</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::QuotaBucketsModel</name>
    <message>
        <source>full</source>
        <translation>plein</translation>
    </message>
    <message>
        <source>Quota used</source>
        <translation>Quota utilisé</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Boîtes aux lettres</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::TopSendersModel</name>
    <message>
        <source>Sender</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
</context>
<context>
    <name>mailadmin::models::UserListModel</name>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Utilisé</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Dernière connexion</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::AdminsPage</name>
    <message>
        <source>Administrators</source>
        <translation>Administrateurs</translation>
    </message>
    <message>
        <source>&amp;New admin…</source>
        <translation>&amp;Nouvel administrateur…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Réinitialiser le &amp;mot de passe…</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle :</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Entreprise :</translation>
    </message>
    <message>
        <source>None (operators)</source>
        <translation>Aucune (exploitants)</translation>
    </message>
    <message>
        <source>&amp;Domains (domain admins):</source>
        <translation>&amp;Domaines (administrateurs de domaine) :</translation>
    </message>
    <message>
        <source>&amp;Disabled (cannot sign in)</source>
        <translation>&amp;Désactivé (ne peut pas se connecter)</translation>
    </message>
    <message>
        <source>New administrator</source>
        <translation>Nouvel administrateur</translation>
    </message>
    <message>
        <source>%1 can sign in with this password, shown once:

%2</source>
        <translation>%1 peut se connecter avec ce mot de passe, affiché une seule fois :

%2</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::AlertsPage</name>
    <message>
        <source>&amp;Hold mail</source>
        <translation>&amp;Retenir les envois</translation>
    </message>
    <message>
        <source>Re&amp;lease mail</source>
        <translation>&amp;Libérer les envois</translation>
    </message>
    <message>
        <source>Outbound mail</source>
        <translation>Envois</translation>
    </message>
    <message>
        <source>Outbound mail of this user is held at Postfix until released.</source>
        <translation>Les envois de cet utilisateur sont retenus par Postfix jusqu’à leur libération.</translation>
    </message>
    <message numerus="yes">
        <source>Outbound mail of this user is released; %n held messages go on their way.</source>
        <translation>
            <numerusform>Les envois de cet utilisateur sont libérés ; %n message retenu repart.</numerusform>
            <numerusform>Les envois de cet utilisateur sont libérés ; %n messages retenus repartent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Outbound alerts</source>
        <translation>Alertes d’envoi</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvertes</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Prises en charge</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolues</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>&amp;Afficher :</translation>
    </message>
    <message>
        <source>Chart for:</source>
        <translation>Graphique pour :</translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation>&amp;Société</translation>
    </message>
    <message>
        <source>D&amp;omain</source>
        <translation>D&amp;omaine</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Utilisateur</translation>
    </message>
    <message>
        <source>Note (what was found, what was done)</source>
        <translation>Note (ce qui a été constaté, ce qui a été fait)</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Prendre en charge</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;Résoudre</translation>
    </message>
    <message>
        <source>Outbound mail of the company</source>
        <translation>Courrier envoyé par la société</translation>
    </message>
    <message>
        <source>Outbound mail of %1</source>
        <translation>Courrier envoyé par %1</translation>
    </message>
    <message>
        <source>&amp;Open user</source>
        <translation>&amp;Ouvrir l’utilisateur</translation>
    </message>
    <message>
        <source>Sus&amp;pend user…</source>
        <translation>Sus&amp;pendre l’utilisateur…</translation>
    </message>
    <message>
        <source>Outbound spike</source>
        <translation>Pic d’envois</translation>
    </message>
    <message>
        <source>Suspend user</source>
        <translation>Suspendre l'utilisateur</translation>
    </message>
    <message>
        <source>Why is %1 suspended? The reason is kept in the audit log (optional).</source>
        <translation>Pourquoi suspendre %1 ? Le motif est conservé dans le journal d'audit (facultatif).</translation>
    </message>
    <message>
        <source>The user is suspended: no logins and no mail sending until unsuspended.</source>
        <translation>L'utilisateur est suspendu : ni connexion ni envoi jusqu'à la levée de la suspension.</translation>
    </message>
    <message>
        <source>Select an episode to see its evidence.</source>
        <translation>Choisissez un épisode pour voir ses éléments.</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Facteur</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: outbound spike in %n consecutive hours, %2.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; : pic d’envois pendant %n heure, %2.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; : pic d’envois pendant %n heures consécutives, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: outbound spike on %n consecutive days, %2.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; : pic d’envois pendant %n jour, %2.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; : pic d’envois pendant %n jours consécutifs, %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Peak: %1 messages in one period, up to %2 times the usual; %3.</source>
        <translation>Pic : %1 messages sur une période, jusqu’à %2 fois l’habituel ; %3.</translation>
    </message>
    <message numerus="yes">
        <source>Status: %1 (%2 of %n alerts open)</source>
        <translation>
            <numerusform>État : %1 (%2 alerte ouverte sur %n)</numerusform>
            <numerusform>État : %1 (%2 alertes ouvertes sur %n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledging %n alerts…</source>
        <translation>
            <numerusform>Prise en charge de %n alerte…</numerusform>
            <numerusform>Prise en charge de %n alertes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolving %n alerts…</source>
        <translation>
            <numerusform>Résolution de %n alerte…</numerusform>
            <numerusform>Résolution de %n alertes…</numerusform>
        </translation>
    </message>
    <message>
        <source>Acknowledge alerts</source>
        <translation>Prendre en charge les alertes</translation>
    </message>
    <message>
        <source>Resolve alerts</source>
        <translation>Résoudre les alertes</translation>
    </message>
    <message>
        <source>The alerts could not be acknowledged: %1</source>
        <translation>Les alertes n’ont pas pu être prises en charge : %1</translation>
    </message>
    <message>
        <source>The alerts could not be resolved: %1</source>
        <translation>Les alertes n’ont pas pu être résolues : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n alerts acknowledged.</source>
        <translation>
            <numerusform>%n alerte prise en charge.</numerusform>
            <numerusform>%n alertes prises en charge.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alerts resolved.</source>
        <translation>
            <numerusform>%n alerte résolue.</numerusform>
            <numerusform>%n alertes résolues.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>Journal d'audit</translation>
    </message>
    <message>
        <source>Any object</source>
        <translation>Tout objet</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Entreprises</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Brands</source>
        <translation>Marques</translation>
    </message>
    <message>
        <source>Admins</source>
        <translation>Administrateurs</translation>
    </message>
    <message>
        <source>Object (address, domain or number)</source>
        <translation>Objet (adresse, domaine ou numéro)</translation>
    </message>
    <message>
        <source>Who (login)</source>
        <translation>Qui (identifiant)</translation>
    </message>
    <message>
        <source>from</source>
        <translation>du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::BrandEditor</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Product name:</source>
        <translation>Nom du &amp;produit :</translation>
    </message>
    <message>
        <source>Primary &amp;colour:</source>
        <translation>&amp;Couleur principale :</translation>
    </message>
    <message>
        <source>&amp;Accent colour:</source>
        <translation>Couleur d'&amp;accent :</translation>
    </message>
    <message>
        <source>Pick…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Reti&amp;rer</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logo :</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Choisir un logo</translation>
    </message>
    <message>
        <source>Images (*.png *.svg)</source>
        <translation>Images (*.png *.svg)</translation>
    </message>
    <message>
        <source>Support &amp;URL:</source>
        <translation>&amp;URL d'assistance :</translation>
    </message>
    <message>
        <source>Support &amp;e-mail:</source>
        <translation>&amp;Courriel d'assistance :</translation>
    </message>
    <message>
        <source>Login &amp;message:</source>
        <translation>&amp;Message de connexion :</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Impossible de lire %1.</translation>
    </message>
    <message>
        <source>A logo is at most 256 KB; %1 is %2.</source>
        <translation>Un logo fait au plus 256 Ko ; %1 fait %2.</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Pas de logo</translation>
    </message>
    <message>
        <source>Cannot preview</source>
        <translation>Aperçu impossible</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::BrandsPage</name>
    <message>
        <source>Brands</source>
        <translation>Marques</translation>
    </message>
    <message>
        <source>&amp;New brand…</source>
        <translation>&amp;Nouvelle marque…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>New brand</source>
        <translation>Nouvelle marque</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Product name:</source>
        <translation>Nom du &amp;produit :</translation>
    </message>
    <message>
        <source>&amp;Company number:</source>
        <translation>Numéro de l'&amp;entreprise :</translation>
    </message>
    <message>
        <source>Delete brand</source>
        <translation>Supprimer la marque</translation>
    </message>
    <message>
        <source>Delete the brand %1?</source>
        <translation>Supprimer la marque %1 ?</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::BulkWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Cancelling after the requests already sent…</source>
        <translation>Annulation après les requêtes déjà envoyées…</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 sur %2 terminés</translation>
    </message>
    <message>
        <source>%1 succeeded, %2 failed, %3 not done.</source>
        <translation>%1 réussis, %2 en échec, %3 non faits.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignoré</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::BulletinEditor</name>
    <message>
        <source>New bulletin</source>
        <translation>Nouveau bulletin</translation>
    </message>
    <message>
        <source>Edit bulletin</source>
        <translation>Modifier le bulletin</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>When posted</source>
        <translation>À la publication</translation>
    </message>
    <message>
        <source>To each new mailbox</source>
        <translation>À chaque nouvelle boîte</translation>
    </message>
    <message>
        <source>&amp;Sent:</source>
        <translation>&amp;Envoi :</translation>
    </message>
    <message>
        <source>every domain of the company</source>
        <translation>tous les domaines de l’entreprise</translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation>&amp;Domaine :</translation>
    </message>
    <message>
        <source>Insert:</source>
        <translation>Insérer :</translation>
    </message>
    <message>
        <source>The recipient's address</source>
        <translation>L’adresse du destinataire</translation>
    </message>
    <message>
        <source>The recipient's domain</source>
        <translation>Le domaine du destinataire</translation>
    </message>
    <message>
        <source>The recipient's display name</source>
        <translation>Le nom affiché du destinataire</translation>
    </message>
    <message>
        <source>The recipient's title</source>
        <translation>Le titre du destinataire</translation>
    </message>
    <message>
        <source>Message (headers, an empty line, the text):</source>
        <translation>Message (en-têtes, une ligne vide, le texte) :</translation>
    </message>
    <message>
        <source>Preview for one mailbox:</source>
        <translation>Aperçu pour une boîte :</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::BulletinsPage</name>
    <message>
        <source>%1 of %2 delivered, %3 waiting, %4 sending, %5 failed</source>
        <translation>%1 sur %2 remis, %3 en attente, %4 en cours d’envoi, %5 en échec</translation>
    </message>
    <message>
        <source>Bulletins</source>
        <translation>Bulletins</translation>
    </message>
    <message>
        <source>&amp;New bulletin…</source>
        <translation>&amp;Nouveau bulletin…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Send &amp;test…</source>
        <translation>Envoyer un &amp;test…</translation>
    </message>
    <message>
        <source>&amp;Post now</source>
        <translation>&amp;Publier maintenant</translation>
    </message>
    <message>
        <source>Post to an &amp;incident's affected mailboxes…</source>
        <translation>Publier aux boîtes touchées par un &amp;incident…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Publié</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <source>Post now</source>
        <translation>Publier maintenant</translation>
    </message>
    <message>
        <source>Send %1 to every mailbox of %2 that has not had this version yet?</source>
        <translation>Envoyer %1 à chaque boîte de %2 qui n’a pas encore reçu cette version ?</translation>
    </message>
    <message>
        <source>Choose a bulletin to see its posts and deliveries.</source>
        <translation>Choisissez un bulletin pour voir ses publications et ses remises.</translation>
    </message>
    <message>
        <source>Edit bulletin</source>
        <translation>Modifier le bulletin</translation>
    </message>
    <message>
        <source>Delete bulletin</source>
        <translation>Supprimer le bulletin</translation>
    </message>
    <message>
        <source>Delete the bulletin %1 and its delivery history?</source>
        <translation>Supprimer le bulletin %1 et l’historique de ses remises ?</translation>
    </message>
    <message numerus="yes">
        <source>Queued for %n mailboxes.</source>
        <translation><numerusform>En file pour %n boîte.</numerusform><numerusform>En file pour %n boîtes.</numerusform></translation>
    </message>
    <message>
        <source>Post to an incident</source>
        <translation>Publier pour un incident</translation>
    </message>
    <message numerus="yes">
        <source>Queued for %n affected mailboxes.</source>
        <translation><numerusform>En file pour %n boîte touchée.</numerusform><numerusform>En file pour %n boîtes touchées.</numerusform></translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Envoyer un test</translation>
    </message>
    <message>
        <source>A test copy is on its way to %1.</source>
        <translation>Une copie de test part vers %1.</translation>
    </message>
    <message>
        <source>Send one copy to:</source>
        <translation>Envoyer une copie à :</translation>
    </message>
    <message>
        <source>No open or scheduled incident touches your mailboxes.</source>
        <translation>Aucun incident ouvert ou planifié ne touche vos boîtes.</translation>
    </message>
    <message>
        <source>Send to the mailboxes this incident affects:</source>
        <translation>Envoyer aux boîtes touchées par cet incident :</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::ByteSizeEdit</name>
    <message>
        <source>MB</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>Go</translation>
    </message>
    <message>
        <source>TB</source>
        <translation>To</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::ChartPanel</name>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Save these numbers as CSV</source>
        <translation>Enregistrer ces chiffres en CSV</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG picture</source>
        <translation>Enregistrer le graphique en image PNG</translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation>SVG…</translation>
    </message>
    <message>
        <source>Save the chart as an SVG drawing</source>
        <translation>Enregistrer le graphique en dessin SVG</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>Enregistrer en %1</translation>
    </message>
    <message>
        <source>%1 files (*%2)</source>
        <translation>Fichiers %1 (*%2)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d'écrire %1.</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::ClustersPage</name>
    <message>
        <source>Clusters</source>
        <translation>Clusters</translation>
    </message>
    <message>
        <source>&amp;New cluster…</source>
        <translation>&amp;Nouveau cluster…</translation>
    </message>
    <message>
        <source>New cluster</source>
        <translation>Nouveau cluster</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::CompaniesPage</name>
    <message>
        <source>Companies</source>
        <translation>Entreprises</translation>
    </message>
    <message>
        <source>&amp;New company…</source>
        <translation>&amp;Nouvelle entreprise…</translation>
    </message>
    <message>
        <source>New company</source>
        <translation>Nouvelle entreprise</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Default quota:</source>
        <translation>Quota par &amp;défaut :</translation>
    </message>
    <message>
        <source>Quota &amp;maximum:</source>
        <translation>Quota &amp;maximal :</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::CompanyStatusActions</name>
    <message>
        <source>Sus&amp;pend…</source>
        <translation>Sus&amp;pendre…</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>Réac&amp;tiver</translation>
    </message>
    <message>
        <source>Dele&amp;te company…</source>
        <translation>&amp;Supprimer la société…</translation>
    </message>
    <message>
        <source>Suspend company</source>
        <translation>Suspendre la société</translation>
    </message>
    <message>
        <source>Why is %1 suspended? Its admins cannot sign in, its mailboxes cannot log in or send, and its domains take no mail until it is resumed.</source>
        <translation>Pourquoi suspendre %1 ? Ses administrateurs ne peuvent plus se connecter, ses boîtes aux lettres ne peuvent plus se connecter ni envoyer, et ses domaines ne reçoivent plus de courrier jusqu'à sa réactivation.</translation>
    </message>
    <message>
        <source>Delete %1 with its %2 and %3? They leave every list and stop receiving mail; restore them from Deleted items.</source>
        <translation>Supprimer %1 avec ses %2 et %3 ? Ils disparaissent de toutes les listes et ne reçoivent plus de courrier ; restaurez-les depuis les éléments supprimés.</translation>
    </message>
    <message numerus="yes">
        <source>%n domain(s)</source>
        <translation>
            <numerusform>%n domaine</numerusform>
            <numerusform>%n domaines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es)</source>
        <translation>
            <numerusform>%n boîte aux lettres</numerusform>
            <numerusform>%n boîtes aux lettres</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete company</source>
        <translation>Supprimer la société</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::CompanyPage</name>
    <message>
        <source>Re&amp;port and spike settings…</source>
        <translation>Ra&amp;pport et seuils de pics…</translation>
    </message>
    <message>
        <source>Deleted. Restore brings it back.</source>
        <translation>Supprimée. « Restaurer » la rétablit.</translation>
    </message>
    <message>
        <source>Suspended.</source>
        <translation>Suspendue.</translation>
    </message>
    <message>
        <source>Active.</source>
        <translation>Active.</translation>
    </message>
    <message>
        <source> · deleted</source>
        <translation> · supprimée</translation>
    </message>
    <message>
        <source> · suspended: %1</source>
        <translation> · suspendue : %1</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Default quota:</source>
        <translation>Quota par &amp;défaut :</translation>
    </message>
    <message>
        <source>Quota &amp;maximum:</source>
        <translation>Quota &amp;maximal :</translation>
    </message>
    <message>
        <source>&amp;User limit:</source>
        <translation>Limite d'&amp;utilisateurs :</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <source>&amp;Alias limit:</source>
        <translation>Limite d'&amp;alias :</translation>
    </message>
    <message>
        <source>&amp;Services of new users:</source>
        <translation>&amp;Services des nouveaux utilisateurs :</translation>
    </message>
    <message>
        <source>Daily &amp;send limit:</source>
        <translation>Limite d'&amp;envoi quotidienne :</translation>
    </message>
    <message>
        <source>Not allowed to send</source>
        <translation>Envoi interdit</translation>
    </message>
    <message>
        <source> messages</source>
        <translation> messages</translation>
    </message>
    <message>
        <source>&amp;Brand:</source>
        <translation>&amp;Marque :</translation>
    </message>
    <message>
        <source>No brand</source>
        <translation>Aucune marque</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Allemand</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Espagnol</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Néerlandais</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otes :</translation>
    </message>
    <message>
        <source>%1 domains · %2 users</source>
        <translation>%1 domaines · %2 utilisateurs</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Modifié par quelqu'un d'autre</translation>
    </message>
    <message>
        <source>Apply my changes to their version</source>
        <translation>Appliquer mes modifications à leur version</translation>
    </message>
    <message>
        <source>Discard mine, keep theirs</source>
        <translation>Abandonner les miennes, garder les leurs</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::ConflictWidget</name>
    <message>
        <source>Someone else saved this object while you were editing it. Their version is stored now; your changes are not saved yet.</source>
        <translation>Quelqu'un d'autre a enregistré cet objet pendant que vous le modifiiez. Sa version est enregistrée ; vos modifications ne le sont pas encore.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Your change</source>
        <translation>Votre modification</translation>
    </message>
    <message>
        <source>Stored now</source>
        <translation>Enregistré actuellement</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(inchangé)</translation>
    </message>
    <message>
        <source>Both of you changed this field.</source>
        <translation>Vous avez tous deux modifié ce champ.</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::ContactsPage</name>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>&amp;Add contact…</source>
        <translation>&amp;Ajouter un contact…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Courriel :</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone :</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otes :</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Modifier le contact</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>Supprimer le contact</translation>
    </message>
    <message>
        <source>Delete the contact %1?</source>
        <translation>Supprimer le contact %1 ?</translation>
    </message>
    <message>
        <source>Outages</source>
        <translation>Pannes</translation>
    </message>
    <message>
        <source>Degradations</source>
        <translation>Dégradations</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Incident &amp;notices:</source>
        <translation>&amp;Avis d’incident :</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::CsvImportDialog</name>
    <message>
        <source>Import users into %1</source>
        <translation>Importer des utilisateurs dans %1</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::CsvImportWidget</name>
    <message>
        <source>Choose a &amp;CSV file…</source>
        <translation>Choisir un fichier &amp;CSV…</translation>
    </message>
    <message>
        <source>Mailbox name (required)</source>
        <translation>Nom de la boîte (obligatoire)</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Forward to (separate with ;)</source>
        <translation>Transférer à (séparés par ;)</translation>
    </message>
    <message>
        <source>Aliases (separate with ;)</source>
        <translation>Alias (séparés par ;)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Save &amp;failed rows…</source>
        <translation>Enregistrer les lignes en &amp;échec…</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Annuler l'import</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Import users</source>
        <translation>Importer des utilisateurs</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Save failed rows</source>
        <translation>Enregistrer les lignes en échec</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d'écrire %1.</translation>
    </message>
    <message>
        <source>Choose a CSV file with a header row. Each row becomes a user in %1.</source>
        <translation>Choisissez un fichier CSV avec une ligne d'en-tête. Chaque ligne devient un utilisateur de %1.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>The file is larger than 64 MB; split it into smaller files.</source>
        <translation>Le fichier dépasse 64 Mo ; découpez-le en fichiers plus petits.</translation>
    </message>
    <message>
        <source>The file is not valid CSV: %1 (line %2).</source>
        <translation>Le fichier n'est pas un CSV valide : %1 (ligne %2).</translation>
    </message>
    <message>
        <source>The file needs a header row and at least one row of data.</source>
        <translation>Le fichier doit avoir une ligne d'en-tête et au moins une ligne de données.</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(non importé)</translation>
    </message>
    <message>
        <source>%1 is not in %2</source>
        <translation>%1 n'est pas dans %2</translation>
    </message>
    <message>
        <source>quota: %1 is not a size such as 2 GB</source>
        <translation>quota : %1 n'est pas une taille comme 2 Go</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>%1 rows ready to import, %2 with problems (they are skipped; save them to fix and import again).</source>
        <translation>%1 lignes prêtes à importer, %2 avec des problèmes (elles sont ignorées ; enregistrez-les pour les corriger et les importer à nouveau).</translation>
    </message>
    <message>
        <source>Map a column to the mailbox name to import.</source>
        <translation>Associez une colonne au nom de la boîte pour importer.</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <source>Imported %1 users; %2 rows failed or were skipped.</source>
        <translation>%1 utilisateurs importés ; %2 lignes en échec ou ignorées.</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>raison</translation>
    </message>
    <message>
        <source>password: %1</source>
        <translation>mot de passe : %1</translation>
    </message>
    <message>
        <source>alias %1 is not in %2</source>
        <translation>l’alias %1 n’est pas dans %2</translation>
    </message>
    <message>
        <source>the same mailbox as row %1</source>
        <translation>la même boîte que la ligne %1</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Boîtes aux lettres</translation>
    </message>
    <message>
        <source>Active, 7 days</source>
        <translation>Actifs, 7 jours</translation>
    </message>
    <message>
        <source>Active, 30 days</source>
        <translation>Actifs, 30 jours</translation>
    </message>
    <message>
        <source>Logins today</source>
        <translation>Connexions aujourd’hui</translation>
    </message>
    <message>
        <source>Storage used</source>
        <translation>Stockage utilisé</translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation>Alertes ouvertes</translation>
    </message>
    <message>
        <source>Logins by type</source>
        <translation>Connexions par type</translation>
    </message>
    <message>
        <source>Share of logins</source>
        <translation>Part des connexions</translation>
    </message>
    <message>
        <source>Quota used</source>
        <translation>Quota utilisé</translation>
    </message>
    <message>
        <source>Outbound mail</source>
        <translation>Courrier envoyé</translation>
    </message>
    <message>
        <source>mailboxes in %1</source>
        <translation>boîtes aux lettres de %1</translation>
    </message>
    <message>
        <source>%1 % of mailboxes</source>
        <translation>%1 % des boîtes aux lettres</translation>
    </message>
    <message>
        <source>of %1 allocated (%2 %)</source>
        <translation>sur %1 alloués (%2 %)</translation>
    </message>
    <message>
        <source>outbound spikes to look at</source>
        <translation>pics d’envoi à examiner</translation>
    </message>
    <message>
        <source>nothing unusual</source>
        <translation>rien d’inhabituel</translation>
    </message>
    <message>
        <source>% of quota used, up to</source>
        <translation>% du quota utilisé, jusqu’à</translation>
    </message>
    <message numerus="yes">
        <source>%n spike(s) marked on the chart, none open</source>
        <translation><numerusform>%n pic marqué sur le graphique, aucune alerte ouverte</numerusform><numerusform>%n pics marqués sur le graphique, aucune alerte ouverte</numerusform></translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::DeletedItemsPage</name>
    <message>
        <source>Deleted companies</source>
        <translation>Sociétés supprimées</translation>
    </message>
    <message>
        <source>Restore &amp;company</source>
        <translation>Restaurer la &amp;société</translation>
    </message>
    <message>
        <source>Deleted domains</source>
        <translation>Domaines supprimés</translation>
    </message>
    <message>
        <source>Deleted users</source>
        <translation>Utilisateurs supprimés</translation>
    </message>
    <message>
        <source>Restore &amp;domain</source>
        <translation>Restaurer le &amp;domaine</translation>
    </message>
    <message>
        <source>Restore &amp;users</source>
        <translation>Restaurer les &amp;utilisateurs</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message numerus="yes">
        <source>Restore %n user(s)</source>
        <translation>
            <numerusform>Restaurer %n utilisateur</numerusform>
            <numerusform>Restaurer %n utilisateurs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::DomainPage</name>
    <message>
        <source>&amp;Alias domains:</source>
        <translation>&amp;Domaines alias :</translation>
    </message>
    <message>
        <source>Other domain names that deliver to the same mailboxes.</source>
        <translation>Autres noms de domaine qui livrent aux mêmes boîtes.</translation>
    </message>
    <message>
        <source>&amp;Default quota:</source>
        <translation>Quota par &amp;défaut :</translation>
    </message>
    <message>
        <source>Quota &amp;maximum:</source>
        <translation>Quota &amp;maximal :</translation>
    </message>
    <message>
        <source>User &amp;limit:</source>
        <translation>&amp;Limite d'utilisateurs :</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <source>D&amp;isabled (its mailboxes stop working)</source>
        <translation>D&amp;ésactivé (ses boîtes cessent de fonctionner)</translation>
    </message>
    <message>
        <source>&amp;Brand:</source>
        <translation>&amp;Marque :</translation>
    </message>
    <message>
        <source>Company's brand</source>
        <translation>Marque de l'entreprise</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes :</translation>
    </message>
    <message>
        <source>Show &amp;users</source>
        <translation>Afficher les &amp;utilisateurs</translation>
    </message>
    <message>
        <source>&amp;Delete domain</source>
        <translation>&amp;Supprimer le domaine</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n utilisateur</numerusform>
            <numerusform>%n utilisateurs</numerusform>
        </translation>
    </message>
    <message>
        <source> · stored as %1</source>
        <translation> · enregistré sous %1</translation>
    </message>
    <message>
        <source> · created %1</source>
        <translation> · créé le %1</translation>
    </message>
    <message>
        <source>Delete domain</source>
        <translation>Supprimer le domaine</translation>
    </message>
    <message numerus="yes">
        <source>Delete %1 and hide its %n user(s)? It can be restored from Deleted items for 30 days.</source>
        <translation>
            <numerusform>Supprimer %1 et masquer son utilisateur ? Il peut être restauré depuis Éléments supprimés pendant 30 jours.</numerusform>
            <numerusform>Supprimer %1 et masquer ses %n utilisateurs ? Il peut être restauré depuis Éléments supprimés pendant 30 jours.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted. Restore it from Deleted items within 30 days.</source>
        <translation>Supprimé. Restaurez-le depuis Éléments supprimés dans les 30 jours.</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::DomainsPage</name>
    <message>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <source>&amp;New domain…</source>
        <translation>&amp;Nouveau domaine…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>New domain</source>
        <translation>Nouveau domaine</translation>
    </message>
    <message>
        <source>Choose a company in the navigation first.</source>
        <translation>Choisissez d'abord une entreprise dans la navigation.</translation>
    </message>
    <message>
        <source>&amp;Domain name:</source>
        <translation>Nom de &amp;domaine :</translation>
    </message>
    <message>
        <source>example.com or bäckerei.de</source>
        <translation>example.com ou bäckerei.de</translation>
    </message>
    <message>
        <source>&amp;Alias domains:</source>
        <translation>&amp;Domaines alias :</translation>
    </message>
    <message>
        <source>&amp;User limit:</source>
        <translation>Limite d'&amp;utilisateurs :</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <source>Delete domain</source>
        <translation>Supprimer le domaine</translation>
    </message>
    <message>
        <source>Select one domain to delete.</source>
        <translation>Sélectionnez un domaine à supprimer.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %1 with its %n user(s)? It can be restored from Deleted items for 30 days.</source>
        <translation>
            <numerusform>Supprimer %1 avec son utilisateur ? Il peut être restauré depuis Éléments supprimés pendant 30 jours.</numerusform>
            <numerusform>Supprimer %1 avec ses %n utilisateurs ? Il peut être restauré depuis Éléments supprimés pendant 30 jours.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::EditorPage</name>
    <message>
        <source>Revert</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the changed fields (%1)</source>
        <translation>Enregistrer les champs modifiés (%1)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>You changed %1 but did not save. Save the changes now?</source>
        <translation>Vous avez modifié %1 sans enregistrer. Enregistrer les modifications maintenant ?</translation>
    </message>
    <message>
        <source>Some fields need attention before saving.</source>
        <translation>Certains champs sont à revoir avant d'enregistrer.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Your changes were discarded; this is the stored version.</source>
        <translation>Vos modifications ont été abandonnées ; voici la version enregistrée.</translation>
    </message>
    <message>
        <source>Not saved: someone else changed this. Save again to review the differences.</source>
        <translation>Non enregistré : quelqu'un d'autre l'a modifié. Enregistrez à nouveau pour examiner les différences.</translation>
    </message>
    <message>
        <source>The server did not accept some fields; see the messages below them.</source>
        <translation>Le serveur n'a pas accepté certains champs ; voyez les messages sous ces champs.</translation>
    </message>
    <message>
        <source>Not saved: %1 Your changes are kept; save again when the server is back.</source>
        <translation>Non enregistré : %1 Vos modifications sont conservées ; enregistrez à nouveau quand le serveur sera revenu.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::Form</name>
    <message>
        <source>One per line</source>
        <translation>Un par ligne</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::InactiveUsersPage</name>
    <message>
        <source>Inactive users</source>
        <translation>Utilisateurs inactifs</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>No login for &amp;at least</source>
        <translation>Aucune connexion depuis &amp;au moins</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>lea&amp;ve out accounts younger than</source>
        <translation>&amp;ignorer les comptes créés depuis moins de</translation>
    </message>
    <message>
        <source>&amp;Suspend…</source>
        <translation>&amp;Suspendre…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>Supprime&amp;r…</translation>
    </message>
    <message>
        <source>Suspend users</source>
        <translation>Suspendre les utilisateurs</translation>
    </message>
    <message>
        <source>Why are they suspended? The reason is kept in the audit log (optional).</source>
        <translation>Pourquoi les suspendre ? Le motif est conservé dans le journal d'audit (facultatif).</translation>
    </message>
    <message numerus="yes">
        <source>Suspend %n user(s)</source>
        <translation><numerusform>Suspendre %n utilisateur</numerusform><numerusform>Suspendre %n utilisateurs</numerusform></translation>
    </message>
    <message>
        <source>Delete users</source>
        <translation>Supprimer des utilisateurs</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n user(s)? They can be restored from Deleted items for 30 days.</source>
        <translation><numerusform>Supprimer %n utilisateur ? Il peut être restauré depuis Éléments supprimés pendant 30 jours.</numerusform><numerusform>Supprimer %n utilisateurs ? Ils peuvent être restaurés depuis Éléments supprimés pendant 30 jours.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n user(s)</source>
        <translation><numerusform>Supprimer %n utilisateur</numerusform><numerusform>Supprimer %n utilisateurs</numerusform></translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::IncidentBanner</name>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Détails…</translation>
    </message>
    <message>
        <source>%1: %2 — %3 affected</source>
        <translation>%1 : %2 — %3 touchés</translation>
    </message>
    <message>
        <source>%1: %2 — %3 of your %4 mailboxes are affected.</source>
        <translation>%1 : %2 — %3 de vos %4 boîtes sont touchées.</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more open incident(s))</source>
        <translation>
            <numerusform>(et %n autre incident ouvert)</numerusform>
            <numerusform>(et %n autres incidents ouverts)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::IncidentComposerDialog</name>
    <message>
        <source>New incident</source>
        <translation>Nouvel incident</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::IncidentComposerWidget</name>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Nature :</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>What happened, what works and what does not, what customers should do.</source>
        <translation>Ce qui s’est passé, ce qui fonctionne et ce qui ne fonctionne pas, ce que les clients doivent faire.</translation>
    </message>
    <message>
        <source>&amp;Notice:</source>
        <translation>&amp;Avis :</translation>
    </message>
    <message>
        <source>(by kind)</source>
        <translation>(selon la nature)</translation>
    </message>
    <message>
        <source>Se&amp;verity:</source>
        <translation>&amp;Gravité :</translation>
    </message>
    <message>
        <source>Services:</source>
        <translation>Services :</translation>
    </message>
    <message>
        <source>&amp;Clusters:</source>
        <translation>&amp;Clusters :</translation>
    </message>
    <message>
        <source>Mail &amp;stores:</source>
        <translation>&amp;Stockages :</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation>Début :</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <source>Ends:</source>
        <translation>Fin :</translation>
    </message>
    <message>
        <source> minutes before</source>
        <translation> minutes avant</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Pas de rappel</translation>
    </message>
    <message>
        <source>&amp;Reminder:</source>
        <translation>&amp;Rappel :</translation>
    </message>
    <message>
        <source>The notice, as the contacts will receive it:</source>
        <translation>L’avis, tel que les contacts le recevront :</translation>
    </message>
    <message>
        <source>Previe&amp;w</source>
        <translation>Aperç&amp;u</translation>
    </message>
    <message>
        <source>&amp;Open incident and send</source>
        <translation>&amp;Ouvrir l’incident et envoyer</translation>
    </message>
    <message>
        <source>Reaches %1 maintenance contacts of %2 companies; %3 mailboxes are affected.</source>
        <translation>Atteint %1 contacts de maintenance de %2 entreprises ; %3 boîtes sont touchées.</translation>
    </message>
    <message>
        <source>Reaches %1 emergency contacts of %2 companies; %3 mailboxes are affected.</source>
        <translation>Atteint %1 contacts d’urgence de %2 entreprises ; %3 boîtes sont touchées.</translation>
    </message>
    <message>
        <source>&amp;Inbound mail</source>
        <translation>Courrier &amp;entrant</translation>
    </message>
    <message>
        <source>O&amp;utbound mail</source>
        <translation>Courr&amp;ier sortant</translation>
    </message>
    <message>
        <source>I&amp;MAP</source>
        <translation>I&amp;MAP</translation>
    </message>
    <message>
        <source>&amp;POP</source>
        <translation>&amp;POP</translation>
    </message>
    <message>
        <source>W&amp;ebmail</source>
        <translation>&amp;Webmail</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::IncidentsPage</name>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Open and scheduled</source>
        <translation>Ouverts et planifiés</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverts</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Planifiés</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolus</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>&amp;Afficher :</translation>
    </message>
    <message>
        <source>&amp;New incident…</source>
        <translation>&amp;Nouvel incident…</translation>
    </message>
    <message>
        <source>Post &amp;update…</source>
        <translation>Publier une mise à &amp;jour…</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Résoudre…</translation>
    </message>
    <message>
        <source>Select an incident to see its timeline and impact.</source>
        <translation>Sélectionnez un incident pour voir sa chronologie et son impact.</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Chronologie</translation>
    </message>
    <message>
        <source>Affected mailboxes</source>
        <translation>Boîtes touchées</translation>
    </message>
    <message>
        <source>Affected &amp;mailboxes</source>
        <translation>&amp;Boîtes touchées</translation>
    </message>
    <message>
        <source>Affected companies</source>
        <translation>Entreprises touchées</translation>
    </message>
    <message>
        <source>Affected &amp;companies</source>
        <translation>&amp;Entreprises touchées</translation>
    </message>
    <message>
        <source>Notices sent</source>
        <translation>Avis envoyés</translation>
    </message>
    <message>
        <source>Send &amp;again</source>
        <translation>Renvoy&amp;er</translation>
    </message>
    <message>
        <source>Not&amp;ices</source>
        <translation>A&amp;vis</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 of your %2 mailboxes are affected.&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 de vos %2 boîtes sont touchées.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 mailboxes in %2 companies are affected.&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 boîtes dans %2 entreprises sont touchées.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>pas encore connue</translation>
    </message>
    <message>
        <source>&lt;span style='font-size:large'&gt;&lt;b&gt;%1&lt;/b&gt;: %2&lt;/span&gt; (%3, %4)&lt;br&gt;%5&lt;br&gt;Services: %6 · Starts %7 · Expected end %8</source>
        <translation>&lt;span style='font-size:large'&gt;&lt;b&gt;%1&lt;/b&gt; : %2&lt;/span&gt; (%3, %4)&lt;br&gt;%5&lt;br&gt;Services : %6 · Début %7 · Fin prévue %8</translation>
    </message>
    <message>
        <source>Post an update</source>
        <translation>Publier une mise à jour</translation>
    </message>
    <message>
        <source>What changed (mailed to the affected companies' contacts):</source>
        <translation>Ce qui a changé (envoyé aux contacts des entreprises touchées) :</translation>
    </message>
    <message>
        <source>Resolve the incident</source>
        <translation>Résoudre l’incident</translation>
    </message>
    <message>
        <source>Closing note (mailed to the affected companies' contacts):</source>
        <translation>Note de clôture (envoyée aux contacts des entreprises touchées) :</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::JumpBox</name>
    <message>
        <source>Go to a user or domain…</source>
        <translation>Aller à un utilisateur ou un domaine…</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>Domain %1 — %n user(s)</source>
        <translation>
            <numerusform>Domaine %1 — %n utilisateur</numerusform>
            <numerusform>Domaine %1 — %n utilisateurs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::ListPage</name>
    <message>
        <source>Search (a prefix; * for any text)</source>
        <translation>Rechercher (un début ; * pour n'importe quel texte)</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xporter en CSV…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source> · loading…</source>
        <translation> · chargement…</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>%n ligne exportée vers %1</numerusform>
            <numerusform>%n lignes exportées vers %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::LoginDialog</name>
    <message>
        <source>Sign in — MailAdmin</source>
        <translation>Connexion — MailAdmin</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::LoginWidget</name>
    <message>
        <source>&lt;h2&gt;Sign in to MailAdmin&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Connexion à MailAdmin&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Ser&amp;vers…</source>
        <translation>Ser&amp;veurs…</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the system keyring</source>
        <translation>&amp;Mémoriser le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Se connecter</translation>
    </message>
    <message>
        <source>Add a server first (Servers…).</source>
        <translation>Ajoutez d'abord un serveur (Serveurs…).</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again to continue where you were; nothing on screen is lost.</source>
        <translation>Votre session a pris fin. Reconnectez-vous pour continuer là où vous étiez ; rien à l'écran n'est perdu.</translation>
    </message>
    <message>
        <source>Enter your login and password.</source>
        <translation>Saisissez votre identifiant et votre mot de passe.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>The login or password is wrong, or the account is disabled.</source>
        <translation>L'identifiant ou le mot de passe est faux, ou le compte est désactivé.</translation>
    </message>
    <message>
        <source>The connection is not secure: the server's certificate is not trusted (%1). Check the address, or ask the server's operator for a valid certificate.</source>
        <translation>La connexion n'est pas sûre : le certificat du serveur n'est pas reconnu (%1). Vérifiez l'adresse ou demandez un certificat valide à l'exploitant du serveur.</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached. Check the address and that the server is running.</source>
        <translation>Le serveur %1 est injoignable. Vérifiez l'adresse et que le serveur fonctionne.</translation>
    </message>
    <message>
        <source>No keyring is available on this computer, so the password was not remembered.</source>
        <translation>Aucun trousseau n'est disponible sur cet ordinateur ; le mot de passe n'a donc pas été mémorisé.</translation>
    </message>
    <message>
        <source>The keyring refused to store the password.</source>
        <translation>Le trousseau a refusé d'enregistrer le mot de passe.</translation>
    </message>
    <message>
        <source>S&amp;erver:</source>
        <translation>S&amp;erveur :</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::MailStoresPage</name>
    <message>
        <source>Mail stores</source>
        <translation>Stockages de courrier</translation>
    </message>
    <message>
        <source>&amp;New mail store…</source>
        <translation>&amp;Nouveau stockage…</translation>
    </message>
    <message>
        <source>Open or &amp;close to new mailboxes</source>
        <translation>Ouvrir ou &amp;fermer aux nouvelles boîtes</translation>
    </message>
    <message>
        <source>New mail store</source>
        <translation>Nouveau stockage</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Cluster:</source>
        <translation>&amp;Cluster :</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte :</translation>
    </message>
    <message>
        <source>Mail &amp;location:</source>
        <translation>&amp;Emplacement du courrier :</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::MainWindow</name>
    <message>
        <source>LIVE</source>
        <translation>PRODUCTION</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>TEST</translation>
    </message>
    <message>
        <source>[%1] %2 — MailAdmin</source>
        <translation>[%1] %2 — MailAdmin</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · signed in as %4 (%5)</source>
        <translation>%1 · %2 · %3 · connecté en tant que %4 (%5)</translation>
    </message>
    <message>
        <source>The server cannot be reached. What you are editing is kept; it is sent when the connection is back.</source>
        <translation>Le serveur est injoignable. Ce que vous modifiez est conservé ; ce sera envoyé au retour de la connexion.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Trying to reach the server…</source>
        <translation>Tentative de joindre le serveur…</translation>
    </message>
    <message>
        <source>● Connected to %1</source>
        <translation>● Connecté à %1</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Hors ligne</translation>
    </message>
    <message>
        <source>The server cannot be reached. What you are editing is kept; save again when the connection is back.</source>
        <translation>Le serveur est injoignable. Ce que vous modifiez est conservé ; enregistrez à nouveau au retour de la connexion.</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Connecté.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Export list to CSV…</source>
        <translation>&amp;Exporter la liste en CSV…</translation>
    </message>
    <message>
        <source>&amp;Import users from CSV…</source>
        <translation>&amp;Importer des utilisateurs depuis un CSV…</translation>
    </message>
    <message>
        <source>Choose a domain first.</source>
        <translation>Choisissez d'abord un domaine.</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Aller</translation>
    </message>
    <message>
        <source>&amp;Jump to user or domain…</source>
        <translation>A&amp;ller à un utilisateur ou un domaine…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About MailAdmin</source>
        <translation>À &amp;propos de MailAdmin</translation>
    </message>
    <message>
        <source>About MailAdmin</source>
        <translation>À propos de MailAdmin</translation>
    </message>
    <message>
        <source>MailAdmin %1
A Mail Administration Center for companies that host e-mail.</source>
        <translation>MailAdmin %1
Un centre d'administration de messagerie pour les hébergeurs de courriel.</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Refresh stats &amp;every…</source>
        <translation>Actualiser les statistiques &amp;toutes les…</translation>
    </message>
    <message>
        <source>Refresh stats</source>
        <translation>Actualiser les statistiques</translation>
    </message>
    <message>
        <source>Stats pages ask the server again every (seconds):</source>
        <translation>Les pages de statistiques interrogent à nouveau le serveur toutes les (secondes) :</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::ObjectDialog</name>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Some fields need attention.</source>
        <translation>Certains champs sont à revoir.</translation>
    </message>
    <message>
        <source>Someone else changed this meanwhile; close and open it again.</source>
        <translation>Quelqu'un d'autre l'a modifié entre-temps ; fermez et rouvrez-le.</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::OverviewPage</name>
    <message>
        <source>All companies</source>
        <translation>Toutes les entreprises</translation>
    </message>
    <message>
        <source>Search company names (a prefix; * for any text)</source>
        <translation>Rechercher un nom d'entreprise (un préfixe ; * pour n'importe quel texte)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>%1 is deleted; Restore brings it back.</source>
        <translation>%1 est supprimée ; « Restaurer » la rétablit.</translation>
    </message>
    <message>
        <source>%1 is suspended.</source>
        <translation>%1 est suspendue.</translation>
    </message>
    <message>
        <source>%1 is active.</source>
        <translation>%1 est active.</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::OutageSuggestionsWidget</name>
    <message>
        <source>&lt;b&gt;Suggested by the outage detector&lt;/b&gt; — seen only by operators; nobody is notified until you confirm.</source>
        <translation>&lt;b&gt;Suggéré par le détecteur de pannes&lt;/b&gt; — visible des seuls exploitants ; personne n’est prévenu avant votre confirmation.</translation>
    </message>
    <message>
        <source>Successful logins</source>
        <translation>Connexions réussies</translation>
    </message>
    <message>
        <source>Successful, expected</source>
        <translation>Réussies, attendu</translation>
    </message>
    <message>
        <source>Successful, lowest normal</source>
        <translation>Réussies, minimum normal</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Connexions échouées</translation>
    </message>
    <message>
        <source>Failed, highest normal</source>
        <translation>Échouées, maximum normal</translation>
    </message>
    <message>
        <source>Anomalous</source>
        <translation>Anomalie</translation>
    </message>
    <message>
        <source>Logins per three minutes, against the store's own baseline</source>
        <translation>Connexions par trois minutes, comparées à la référence du stockage</translation>
    </message>
    <message>
        <source>Why dismiss (optional)</source>
        <translation>Pourquoi écarter (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Confirm as incident</source>
        <translation>&amp;Confirmer comme incident</translation>
    </message>
    <message>
        <source>D&amp;ismiss</source>
        <translation>É&amp;carter</translation>
    </message>
    <message>
        <source>Incident %1 opened.</source>
        <translation>Incident %1 ouvert.</translation>
    </message>
    <message>
        <source>Dismissed.</source>
        <translation>Écarté.</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::PasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::PasswordWidget</name>
    <message>
        <source>New password for &lt;b&gt;%1&lt;/b&gt;. A strong one is suggested; you may type your own.</source>
        <translation>Nouveau mot de passe pour &lt;b&gt;%1&lt;/b&gt;. Un mot de passe robuste est proposé ; vous pouvez saisir le vôtre.</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Générer</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Set password</source>
        <translation>&amp;Définir le mot de passe</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Setting the password…</source>
        <translation>Définition du mot de passe…</translation>
    </message>
    <message>
        <source>The server refused this password:
%1</source>
        <translation>Le serveur a refusé ce mot de passe :
%1</translation>
    </message>
    <message>
        <source>The password is set. Copy it now: it is not shown again.</source>
        <translation>Le mot de passe est défini. Copiez-le maintenant : il ne sera plus affiché.</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::ProfilesDialog</name>
    <message>
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Live (real customers)</source>
        <translation>Production (vrais clients)</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Environnement :</translation>
    </message>
    <message>
        <source>New server</source>
        <translation>Nouveau serveur</translation>
    </message>
    <message>
        <source>Every server needs a name and an http:// or https:// address (%1).</source>
        <translation>Chaque serveur a besoin d'un nom et d'une adresse http:// ou https:// (%1).</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::StatsPage</name>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>From %1 to %2 (UTC)</source>
        <translation>Du %1 au %2 (UTC)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Usual</source>
        <translation>Habituel</translation>
    </message>
    <message>
        <source>Usual range top</source>
        <translation>Haut de la plage habituelle</translation>
    </message>
    <message>
        <source>Spike</source>
        <translation>Pic</translation>
    </message>
    <message>
        <source>Quota used</source>
        <translation>Quota utilisé</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Boîtes aux lettres</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <source>Logins by type</source>
        <translation>Connexions par type</translation>
    </message>
    <message>
        <source>Storage used</source>
        <translation>Stockage utilisé</translation>
    </message>
    <message>
        <source>Storage over time</source>
        <translation>Stockage dans le temps</translation>
    </message>
    <message>
        <source>Outbound mail</source>
        <translation>Courrier envoyé</translation>
    </message>
    <message>
        <source>Top senders</source>
        <translation>Principaux expéditeurs</translation>
    </message>
    <message>
        <source>% of quota used, up to</source>
        <translation>% du quota utilisé, jusqu’à</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::StatsScopeBar</name>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>user@example.com</source>
        <translation>utilisateur@exemple.fr</translation>
    </message>
    <message>
        <source>&amp;About:</source>
        <translation>&amp;Sujet :</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 derniers jours</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>Dates choisies</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>By hour</source>
        <translation>Par heure</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>Par jour</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>Par semaine</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>Par mois</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Période :</translation>
    </message>
    <message>
        <source>My company</source>
        <translation>Ma société</translation>
    </message>
    <message>
        <source>Company %1</source>
        <translation>Entreprise %1</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::User360Page</name>
    <message>
        <source>&amp;Hold outbound mail</source>
        <translation>&amp;Retenir les envois</translation>
    </message>
    <message>
        <source>Re&amp;lease held mail</source>
        <translation>&amp;Libérer les envois retenus</translation>
    </message>
    <message>
        <source>Sent today: %1 of %2; %3 messages held at Postfix</source>
        <translation>Envoyés aujourd’hui : %1 sur %2 ; %3 messages retenus par Postfix</translation>
    </message>
    <message numerus="yes">
        <source>Outbound mail is released; %n held messages go on their way.</source>
        <translation>
            <numerusform>Les envois sont libérés ; %n message retenu repart.</numerusform>
            <numerusform>Les envois sont libérés ; %n messages retenus repartent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Outbound mail is held at Postfix until released.</source>
        <translation>Les envois sont retenus par Postfix jusqu’à leur libération.</translation>
    </message>
    <message>
        <source>Storage used</source>
        <translation>Stockage utilisé</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Réinitialiser le &amp;mot de passe…</translation>
    </message>
    <message>
        <source>&amp;Suspend</source>
        <translation>&amp;Suspendre</translation>
    </message>
    <message>
        <source>Change &amp;quota…</source>
        <translation>Modifier le &amp;quota…</translation>
    </message>
    <message>
        <source>All se&amp;ttings…</source>
        <translation>Tous les &amp;réglages…</translation>
    </message>
    <message>
        <source>Login history</source>
        <translation>Historique des connexions</translation>
    </message>
    <message>
        <source>All protocols</source>
        <translation>Tous les protocoles</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>Tout résultat</translation>
    </message>
    <message>
        <source>Successful</source>
        <translation>Réussies</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Outbound alerts</source>
        <translation>Alertes d’envoi</translation>
    </message>
    <message>
        <source>Recent changes</source>
        <translation>Modifications récentes</translation>
    </message>
    <message>
        <source>Logins by type, 30 days</source>
        <translation>Connexions par type, 30 jours</translation>
    </message>
    <message>
        <source>Storage, 90 days</source>
        <translation>Stockage, 90 jours</translation>
    </message>
    <message>
        <source>Outbound mail, 30 days</source>
        <translation>Courrier envoyé, 30 jours</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3</translation>
    </message>
    <message>
        <source>Last login — %1</source>
        <translation>Dernière connexion — %1</translation>
    </message>
    <message>
        <source>Services — %1</source>
        <translation>Services — %1</translation>
    </message>
    <message>
        <source>Messages stored: %1</source>
        <translation>Messages conservés : %1</translation>
    </message>
    <message>
        <source>Un&amp;suspend</source>
        <translation>Lever la &amp;suspension</translation>
    </message>
    <message>
        <source>The password was changed.</source>
        <translation>Le mot de passe a été changé.</translation>
    </message>
    <message>
        <source>The user is active again.</source>
        <translation>L'utilisateur est de nouveau actif.</translation>
    </message>
    <message>
        <source>The user is suspended: no logins and no mail sending until unsuspended.</source>
        <translation>L'utilisateur est suspendu : ni connexion ni envoi jusqu'à la levée de la suspension.</translation>
    </message>
    <message>
        <source>Change quota</source>
        <translation>Modifier le quota</translation>
    </message>
    <message>
        <source>&amp;Quota:</source>
        <translation>&amp;Quota :</translation>
    </message>
    <message>
        <source>Now using %1.</source>
        <translation>Utilise actuellement %1.</translation>
    </message>
    <message>
        <source>The quota is now %1.</source>
        <translation>Le quota est maintenant de %1.</translation>
    </message>
    <message>
        <source>No logins of this kind in the detailed history the server keeps. The charts and the last logins above count every login.</source>
        <translation>Aucune connexion de ce type dans l’historique détaillé conservé par le serveur. Les graphiques et les dernières connexions ci-dessus comptent toutes les connexions.</translation>
    </message>
    <message>
        <source>Suspend user</source>
        <translation>Suspendre l'utilisateur</translation>
    </message>
    <message>
        <source>Why is %1 suspended? The reason is kept in the audit log (optional).</source>
        <translation>Pourquoi suspendre %1 ? Le motif est conservé dans le journal d'audit (facultatif).</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::UserPage</name>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Nom affiché :</translation>
    </message>
    <message>
        <source>Job t&amp;itle:</source>
        <translation>Fonct&amp;ion :</translation>
    </message>
    <message>
        <source>Fills the {title} placeholder of bulletins.</source>
        <translation>Remplit le champ {title} des bulletins.</translation>
    </message>
    <message>
        <source>&amp;Quota:</source>
        <translation>&amp;Quota :</translation>
    </message>
    <message>
        <source>&amp;Aliases:</source>
        <translation>&amp;Alias :</translation>
    </message>
    <message>
        <source>Other addresses that deliver to this user, one per line.</source>
        <translation>Autres adresses qui livrent à cet utilisateur, une par ligne.</translation>
    </message>
    <message>
        <source>&amp;Forward to:</source>
        <translation>&amp;Transférer à :</translation>
    </message>
    <message>
        <source>Ser&amp;vices:</source>
        <translation>Ser&amp;vices :</translation>
    </message>
    <message>
        <source>&amp;Brand:</source>
        <translation>&amp;Marque :</translation>
    </message>
    <message>
        <source>Domain's brand</source>
        <translation>Marque du domaine</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes :</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Réinitialiser le &amp;mot de passe…</translation>
    </message>
    <message>
        <source>&amp;Suspend</source>
        <translation>&amp;Suspendre</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2</translation>
    </message>
    <message>
        <source>Last login — %1</source>
        <translation>Dernière connexion — %1</translation>
    </message>
    <message>
        <source>Password: %1</source>
        <translation>Mot de passe : %1</translation>
    </message>
    <message>
        <source>set</source>
        <translation>défini</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <source>Created %1, changed %2</source>
        <translation>Créé le %1, modifié le %2</translation>
    </message>
    <message>
        <source>Un&amp;suspend</source>
        <translation>Lever la &amp;suspension</translation>
    </message>
    <message>
        <source>The user is active again.</source>
        <translation>L'utilisateur est de nouveau actif.</translation>
    </message>
    <message>
        <source>The user is suspended: no logins and no mail sending until unsuspended.</source>
        <translation>L'utilisateur est suspendu : ni connexion ni envoi jusqu'à la levée de la suspension.</translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>Supprimer l'utilisateur</translation>
    </message>
    <message>
        <source>Delete %1? The user can be restored from Deleted items for 30 days.</source>
        <translation>Supprimer %1 ? L'utilisateur peut être restauré depuis Éléments supprimés pendant 30 jours.</translation>
    </message>
    <message>
        <source>Deleted. Restore it from Deleted items within 30 days.</source>
        <translation>Supprimé. Restaurez-le depuis Éléments supprimés dans les 30 jours.</translation>
    </message>
    <message>
        <source>Ac&amp;tivity…</source>
        <translation>Ac&amp;tivité…</translation>
    </message>
    <message>
        <source>Logins, storage, outbound mail and alerts of this user</source>
        <translation>Connexions, stockage, courrier envoyé et alertes de cet utilisateur</translation>
    </message>
    <message>
        <source>Mail store: %1</source>
        <translation>Stockage : %1</translation>
    </message>
    <message>
        <source>Suspend user</source>
        <translation>Suspendre l'utilisateur</translation>
    </message>
    <message>
        <source>Why is %1 suspended? The reason is kept in the audit log (optional).</source>
        <translation>Pourquoi suspendre %1 ? Le motif est conservé dans le journal d'audit (facultatif).</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::UsersPage</name>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Tout type</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Boîtes aux lettres</translation>
    </message>
    <message>
        <source>Forwards</source>
        <translation>Transferts</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation>&amp;Nouvel utilisateur…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importer un CSV…</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Unsuspend</source>
        <translation>Lever la suspension</translation>
    </message>
    <message>
        <source>Set &amp;quota…</source>
        <translation>Définir le &amp;quota…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>New user in %1</source>
        <translation>Nouvel utilisateur dans %1</translation>
    </message>
    <message>
        <source>&amp;Mailbox name:</source>
        <translation>Nom de la &amp;boîte :</translation>
    </message>
    <message>
        <source>e.g. anna.berg</source>
        <translation>p. ex. anna.berg</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Boîte aux lettres</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Transfert</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Nom affiché :</translation>
    </message>
    <message>
        <source>&amp;Forward to:</source>
        <translation>&amp;Transférer à :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Optional; set or reset it later</source>
        <translation>Facultatif ; à définir ou réinitialiser plus tard</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>%1 créé</translation>
    </message>
    <message numerus="yes">
        <source>Suspend %n user(s)</source>
        <translation>
            <numerusform>Suspendre %n utilisateur</numerusform>
            <numerusform>Suspendre %n utilisateurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unsuspend %n user(s)</source>
        <translation>
            <numerusform>Lever la suspension de %n utilisateur</numerusform>
            <numerusform>Lever la suspension de %n utilisateurs</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete users</source>
        <translation>Supprimer des utilisateurs</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n user(s)? They can be restored from Deleted items for 30 days.</source>
        <translation>
            <numerusform>Supprimer %n utilisateur ? Il peut être restauré depuis Éléments supprimés pendant 30 jours.</numerusform>
            <numerusform>Supprimer %n utilisateurs ? Ils peuvent être restaurés depuis Éléments supprimés pendant 30 jours.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n user(s)</source>
        <translation>
            <numerusform>Supprimer %n utilisateur</numerusform>
            <numerusform>Supprimer %n utilisateurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the quota of %n user(s)</source>
        <translation>
            <numerusform>Définir le quota de %n utilisateur</numerusform>
            <numerusform>Définir le quota de %n utilisateurs</numerusform>
        </translation>
    </message>
    <message>
        <source>Set quota</source>
        <translation>Définir le quota</translation>
    </message>
    <message numerus="yes">
        <source>New quota for %n selected user(s):</source>
        <translation>
            <numerusform>Nouveau quota pour l'utilisateur sélectionné :</numerusform>
            <numerusform>Nouveau quota pour les %n utilisateurs sélectionnés :</numerusform>
        </translation>
    </message>
    <message>
        <source>Users of %1</source>
        <translation>Utilisateurs de %1</translation>
    </message>
    <message>
        <source>&amp;Quota:</source>
        <translation>&amp;Quota :</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Générer</translation>
    </message>
    <message>
        <source>Suspend users</source>
        <translation>Suspendre les utilisateurs</translation>
    </message>
    <message>
        <source>Why are they suspended? The reason is kept in the audit log (optional).</source>
        <translation>Pourquoi les suspendre ? Le motif est conservé dans le journal d'audit (facultatif).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>MailAdmin: the Mail Administration Center.</source>
        <translation>MailAdmin : le centre d'administration de la messagerie.</translation>
    </message>
    <message>
        <source>Start a demo server with generated data and sign in.</source>
        <translation>Démarrer un serveur de démonstration avec des données générées et se connecter.</translation>
    </message>
    <message>
        <source>Demo role: operator, company_admin, company_readonly, support or domain_admin.</source>
        <translation>Rôle de démonstration : operator, company_admin, company_readonly, support ou domain_admin.</translation>
    </message>
    <message>
        <source>Write each main page as a PNG into DIR and quit.</source>
        <translation>Écrire chaque page principale en PNG dans DIR puis quitter.</translation>
    </message>
    <message>
        <source>Language of the interface (en, fr).</source>
        <translation>Langue de l'interface (en, fr).</translation>
    </message>
    <message>
        <source>Unknown role '%1'. Use one of: %2.
</source>
        <translation>Rôle « %1 » inconnu. Utilisez l'un de : %2.
</translation>
    </message>
    <message>
        <source>--screenshot needs --demo.
</source>
        <translation>--screenshot nécessite --demo.
</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::ReportScheduleEditor</name>
    <message>
        <source>Daily CSV report</source>
        <translation>Rapport CSV quotidien</translation>
    </message>
    <message>
        <source>&amp;Send the report every day:</source>
        <translation>&amp;Envoyer le rapport chaque jour :</translation>
    </message>
    <message>
        <source>&amp;Time of day (UTC):</source>
        <translation>&amp;Heure (UTC) :</translation>
    </message>
    <message>
        <source>HH:MM, for example 06:15</source>
        <translation>HH:MM, par exemple 06:15</translation>
    </message>
    <message>
        <source>&amp;Recipients (one address a line):</source>
        <translation>&amp;Destinataires (une adresse par ligne) :</translation>
    </message>
    <message>
        <source>Last sent:</source>
        <translation>Dernier envoi :</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>Envoyer &amp;maintenant</translation>
    </message>
    <message>
        <source>Mail today's report to the recipients now (at most 3 times in 10 minutes)</source>
        <translation>Envoyer le rapport du jour aux destinataires maintenant (au plus 3 fois en 10 minutes)</translation>
    </message>
    <message>
        <source>Save or revert your changes first: the report goes to the saved recipients.</source>
        <translation>Enregistrez ou annulez d’abord vos modifications : le rapport part aux destinataires enregistrés.</translation>
    </message>
    <message>
        <source>The report is queued; it goes out within seconds.</source>
        <translation>Le rapport est en file d’attente ; il part dans quelques secondes.</translation>
    </message>
    <message numerus="yes">
        <source>Not sent: the report was sent 3 times in the last 10 minutes. Try again in %n second(s).</source>
        <translation>
            <numerusform>Non envoyé : le rapport a été envoyé 3 fois ces 10 dernières minutes. Réessayez dans %n seconde.</numerusform>
            <numerusform>Non envoyé : le rapport a été envoyé 3 fois ces 10 dernières minutes. Réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::SpikeThresholdsEditor</name>
    <message>
        <source>Outbound spike thresholds</source>
        <translation>Seuils de pics d’envoi</translation>
    </message>
    <message>
        <source>User, messages an &amp;hour at least:</source>
        <translation>Utilisateur, messages par &amp;heure au moins :</translation>
    </message>
    <message>
        <source>User, messages a &amp;day at least:</source>
        <translation>Utilisateur, messages par &amp;jour au moins :</translation>
    </message>
    <message>
        <source>Domain, messages an h&amp;our at least:</source>
        <translation>Domaine, messages par h&amp;eure au moins :</translation>
    </message>
    <message>
        <source>Domain, messages a d&amp;ay at least:</source>
        <translation>Domaine, messages par j&amp;our au moins :</translation>
    </message>
    <message>
        <source>&amp;Spread multiplier:</source>
        <translation>Multiplicateur de &amp;dispersion :</translation>
    </message>
    <message>
        <source>Times the &amp;usual at least:</source>
        <translation>&amp;Fois l’habituel au moins :</translation>
    </message>
    <message>
        <source>While a spike is open, &amp;Postfix:</source>
        <translation>Pendant un pic ouvert, &amp;Postfix :</translation>
    </message>
    <message>
        <source>delivers and alerts (notify)</source>
        <translation>distribue et alerte (notify)</translation>
    </message>
    <message>
        <source>defers the user's mail (defer)</source>
        <translation>diffère le courrier de l’utilisateur (defer)</translation>
    </message>
    <message>
        <source>holds the user's mail (hold)</source>
        <translation>retient le courrier de l’utilisateur (hold)</translation>
    </message>
</context>
<context>
    <name>mailadmin::ui::CompanySettingsDialog</name>
    <message>
        <source>Report and spike settings</source>
        <translation>Rapport et seuils de pics</translation>
    </message>
    <message>
        <source>Re&amp;port</source>
        <translation>&amp;Rapport</translation>
    </message>
    <message>
        <source>Spike &amp;thresholds</source>
        <translation>&amp;Seuils de pics</translation>
    </message>
</context>
</TS>