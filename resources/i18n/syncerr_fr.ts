<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source> (a sample)</source>
        <translation> (un échantillon)</translation>
    </message>
    <message>
        <source>(field not named)</source>
        <translation>(champ non nommé)</translation>
    </message>
    <message>
        <source>(not readable)</source>
        <translation>(illisible)</translation>
    </message>
    <message>
        <source>--target-org must be a Salesforce CLI alias or username (letters, digits, . _ - @ +).</source>
        <translation>--target-org doit être un alias ou un nom d’utilisateur de Salesforce CLI (lettres, chiffres, . _ - @ +).</translation>
    </message>
    <message>
        <source>A proxy password is not kept in the app&apos;s settings: leave the user name and password out of the proxy address (set HTTPS_PROXY in the environment for a proxy that needs them).</source>
        <translation>Le mot de passe d’un proxy n’est pas conservé dans les paramètres de l’application&#xa0;: retirez le nom d’utilisateur et le mot de passe de l’adresse du proxy (définissez HTTPS_PROXY dans l’environnement pour un proxy qui en a besoin).</translation>
    </message>
    <message>
        <source>A {operation} needs each row&apos;s {what}, but there is no {key} column.</source>
        <translation>Une opération {operation} a besoin de l’{what} de chaque ligne, mais il n’y a pas de colonne {key}.</translation>
    </message>
    <message>
        <source>API access is off for this user: the API Enabled permission is missing.</source>
        <translation>L’accès API est désactivé pour cet utilisateur&#xa0;: l’autorisation API activée manque.</translation>
    </message>
    <message>
        <source>Active version: {active}; latest: {latest}</source>
        <translation>Version active&#xa0;: {active}&#xa0;; dernière&#xa0;: {latest}</translation>
    </message>
    <message>
        <source>Allow the save in the rule&apos;s actions for the integration user, or load the matched records&apos; IDs.</source>
        <translation>Autorisez l’enregistrement dans les actions de la règle pour l’utilisateur d’intégration, ou chargez les ID des enregistrements correspondants.</translation>
    </message>
    <message>
        <source>An upsert needs its external-ID field (e.g. --external-id Email__c).</source>
        <translation>Un upsert a besoin de son champ d’ID externe (par exemple --external-id Email__c).</translation>
    </message>
    <message>
        <source>Apex job errors (no input row)</source>
        <translation>erreurs de tâches Apex (pas de ligne d’entrée)</translation>
    </message>
    <message>
        <source>Cancelled: job {job} was aborted.</source>
        <translation>Annulé&#xa0;: la tâche {job} a été interrompue.</translation>
    </message>
    <message>
        <source>Cancelled: job {job} was {state} before it could be aborted.</source>
        <translation>Annulé&#xa0;: la tâche {job} était à l’état {state} avant de pouvoir être interrompue.</translation>
    </message>
    <message>
        <source>Cannot use {path}: {reason}.</source>
        <translation>Impossible d’utiliser {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Checked {count:,} referenced IDs (a sample of {count:,} of {total:,}):</source>
        <translation>{count:,} ID référencés vérifiés (un échantillon de {count:,} sur {total:,})&#xa0;:</translation>
    </message>
    <message>
        <source>Checked {count:,} referenced IDs:</source>
        <translation>{count:,} ID référencés vérifiés&#xa0;:</translation>
    </message>
    <message>
        <source>Could not connect to Salesforce at {host}</source>
        <translation>Impossible de se connecter à Salesforce sur {host}</translation>
    </message>
    <message>
        <source>Could not connect to Salesforce at {host} in time</source>
        <translation>Impossible de se connecter à Salesforce sur {host} dans le délai imparti</translation>
    </message>
    <message>
        <source>Could not finish the login: Salesforce answered HTTP {status}.</source>
        <translation>Impossible de terminer la connexion&#xa0;: Salesforce a répondu HTTP {status}.</translation>
    </message>
    <message>
        <source>Could not finish the login: Salesforce&apos;s answer was not understood.</source>
        <translation>Impossible de terminer la connexion&#xa0;: la réponse de Salesforce n’a pas été comprise.</translation>
    </message>
    <message>
        <source>Could not finish the login: {reason}</source>
        <translation>Impossible de terminer la connexion&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Could not list every {source} job: unexpected {kind}. The {listed:,} jobs listed before it were read.</source>
        <translation>Impossible de lister toutes les tâches {source}&#xa0;: erreur inattendue ({kind}). Les {listed:,} tâches listées avant ont été lues.</translation>
    </message>
    <message>
        <source>Could not list every {source} job: {reason} The {listed:,} jobs listed before it were read.</source>
        <translation>Impossible de lister toutes les tâches {source}&#xa0;: {reason} Les {listed:,} tâches listées avant ont été lues.</translation>
    </message>
    <message>
        <source>Could not list the org&apos;s {source} jobs: unexpected {kind}.</source>
        <translation>Impossible de lister les tâches {source} de l’organisation&#xa0;: erreur inattendue ({kind}).</translation>
    </message>
    <message>
        <source>Could not list the org&apos;s {source} jobs: {reason}</source>
        <translation>Impossible de lister les tâches {source} de l’organisation&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Could not listen for the browser&apos;s answer on port {port}: {reason}.</source>
        <translation>Impossible d’attendre la réponse du navigateur sur le port {port}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Could not log out: Salesforce answered HTTP {status}.</source>
        <translation>Impossible de se déconnecter&#xa0;: Salesforce a répondu HTTP {status}.</translation>
    </message>
    <message>
        <source>Could not log out: Salesforce&apos;s answer was not understood.</source>
        <translation>Impossible de se déconnecter&#xa0;: la réponse de Salesforce n’a pas été comprise.</translation>
    </message>
    <message>
        <source>Could not log out: {reason}</source>
        <translation>Impossible de se déconnecter&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Could not reach {host}: the connection was refused (nothing listens there).</source>
        <translation>Impossible de joindre {host}&#xa0;: la connexion a été refusée (rien n’écoute à cette adresse).</translation>
    </message>
    <message>
        <source>Could not reach {host}: the host name could not be found.</source>
        <translation>Impossible de joindre {host}&#xa0;: le nom d’hôte est introuvable.</translation>
    </message>
    <message>
        <source>Could not reach {host}: the network connection failed.</source>
        <translation>Impossible de joindre {host}&#xa0;: la connexion réseau a échoué.</translation>
    </message>
    <message>
        <source>Could not reach {host}: the network is unreachable.</source>
        <translation>Impossible de joindre {host}&#xa0;: le réseau est inaccessible.</translation>
    </message>
    <message>
        <source>Could not reach {host}: the server closed the connection.</source>
        <translation>Impossible de joindre {host}&#xa0;: le serveur a fermé la connexion.</translation>
    </message>
    <message>
        <source>Could not read the org: {reason}</source>
        <translation>Impossible de lire l’organisation&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Could not read your saved login from the keyring ({kind}); “Remember me” is off for now.</source>
        <translation>Impossible de lire votre connexion enregistrée dans le trousseau ({kind})&#xa0;; «&#xa0;Se souvenir de moi&#xa0;» est désactivé pour l’instant.</translation>
    </message>
    <message>
        <source>Could not read your saved login from the keyring because it is locked. Unlock it (or allow access when asked) and try again; until then “Remember me” is off.</source>
        <translation>Impossible de lire votre connexion enregistrée dans le trousseau, car il est verrouillé. Déverrouillez-le (ou autorisez l’accès quand il vous est demandé) et réessayez&#xa0;; d’ici là, «&#xa0;Se souvenir de moi&#xa0;» est désactivé.</translation>
    </message>
    <message>
        <source>Could not remove your saved login from the keyring ({kind}); “Remember me” is off for now.</source>
        <translation>Impossible de supprimer votre connexion enregistrée du trousseau ({kind})&#xa0;; «&#xa0;Se souvenir de moi&#xa0;» est désactivé pour l’instant.</translation>
    </message>
    <message>
        <source>Could not remove your saved login from the keyring because it is locked. Unlock it (or allow access when asked) and try again; until then “Remember me” is off.</source>
        <translation>Impossible de supprimer votre connexion enregistrée du trousseau, car il est verrouillé. Déverrouillez-le (ou autorisez l’accès quand il vous est demandé) et réessayez&#xa0;; d’ici là, «&#xa0;Se souvenir de moi&#xa0;» est désactivé.</translation>
    </message>
    <message>
        <source>Could not renew your login: Salesforce answered HTTP {status}.</source>
        <translation>Impossible de renouveler votre connexion&#xa0;: Salesforce a répondu HTTP {status}.</translation>
    </message>
    <message>
        <source>Could not renew your login: Salesforce&apos;s answer was not understood.</source>
        <translation>Impossible de renouveler votre connexion&#xa0;: la réponse de Salesforce n’a pas été comprise.</translation>
    </message>
    <message>
        <source>Could not renew your login: {reason}</source>
        <translation>Impossible de renouveler votre connexion&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Could not save your login in the keyring ({kind}); “Remember me” is off for now.</source>
        <translation>Impossible d’enregistrer votre connexion dans le trousseau ({kind})&#xa0;; «&#xa0;Se souvenir de moi&#xa0;» est désactivé pour l’instant.</translation>
    </message>
    <message>
        <source>Could not save your login in the keyring because it is locked. Unlock it (or allow access when asked) and try again; until then “Remember me” is off.</source>
        <translation>Impossible d’enregistrer votre connexion dans le trousseau, car il est verrouillé. Déverrouillez-le (ou autorisez l’accès quand il vous est demandé) et réessayez&#xa0;; d’ici là, «&#xa0;Se souvenir de moi&#xa0;» est désactivé.</translation>
    </message>
    <message>
        <source>Could not use the keyring ({kind}); “Remember me” is off for now.</source>
        <translation>Impossible d’utiliser le trousseau ({kind})&#xa0;; «&#xa0;Se souvenir de moi&#xa0;» est désactivé pour l’instant.</translation>
    </message>
    <message>
        <source>Could not use the keyring because it is locked. Unlock it (or allow access when asked) and try again; until then “Remember me” is off.</source>
        <translation>Impossible d’utiliser le trousseau, car il est verrouillé. Déverrouillez-le (ou autorisez l’accès quand il vous est demandé) et réessayez&#xa0;; d’ici là, «&#xa0;Se souvenir de moi&#xa0;» est désactivé.</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}.</source>
        <translation>Impossible d’écrire {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Could not {doing} because of an unexpected error ({kind}).</source>
        <translation>Impossible de {doing} à cause d’une erreur inattendue ({kind}).</translation>
    </message>
    <message>
        <source>Cut {column} to {length} characters</source>
        <translation>Tronquer {column} à {length} caractères</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Duplicate rule {label} ({name}), active.</source>
        <translation>Règle de doublons {label} ({name}), active.</translation>
    </message>
    <message>
        <source>Duplicate rule {rule} blocks these rows</source>
        <translation>La règle de doublons {rule} bloque ces lignes</translation>
    </message>
    <message>
        <source>Each row matches an existing {object} (the message names it)</source>
        <translation>Chaque ligne correspond à un {object} existant (le message le nomme)</translation>
    </message>
    <message>
        <source>Enter a username and a password.</source>
        <translation>Saisissez un nom d’utilisateur et un mot de passe.</translation>
    </message>
    <message>
        <source>Enter an access token.</source>
        <translation>Saisissez un jeton d’accès.</translation>
    </message>
    <message>
        <source>Enter the login URL (for example https://yourcompany.my.salesforce.com).</source>
        <translation>Saisissez l’URL de connexion (par exemple https://yourcompany.my.salesforce.com).</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Example: “{value}”</source>
        <translation>Exemple&#xa0;: «&#xa0;{value}&#xa0;»</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Export annulé&#xa0;: aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>Fill empty {column} with “{value}”</source>
        <translation>Remplir les cellules vides de {column} avec «&#xa0;{value}&#xa0;»</translation>
    </message>
    <message>
        <source>Flow {flow} failed while saving</source>
        <translation>Le flux {flow} a échoué pendant l’enregistrement</translation>
    </message>
    <message>
        <source>Flow {flow} failed while saving: {code}</source>
        <translation>Le flux {flow} a échoué pendant l’enregistrement&#xa0;: {code}</translation>
    </message>
    <message>
        <source>Flow {label} ({name}, {kind}): active</source>
        <translation>Flux {label} ({name}, {kind})&#xa0;: actif</translation>
    </message>
    <message>
        <source>Flow {label} ({name}, {kind}): not active</source>
        <translation>Flux {label} ({name}, {kind})&#xa0;: inactif</translation>
    </message>
    <message>
        <source>Formula: {formula}</source>
        <translation>Formule&#xa0;: {formula}</translation>
    </message>
    <message>
        <source>In {column}: {pairs}</source>
        <translation>Dans {column}&#xa0;: {pairs}</translation>
    </message>
    <message>
        <source>Inside the flow: {code}: {message}</source>
        <translation>Dans le flux&#xa0;: {code}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>It was not found in this computer&apos;s keyring. Log in again.</source>
        <translation>Elle est introuvable dans le trousseau de cet ordinateur. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>Job failed: {cause} — {n:,} error</source>
        <translation>Tâche en échec&#xa0;: {cause} — {n:,} erreur</translation>
    </message>
    <message>
        <source>Job failed: {cause} — {n:,} errors</source>
        <translation>Tâche en échec&#xa0;: {cause} — {n:,} erreurs</translation>
    </message>
    <message>
        <source>Job {job} is still {state} in Salesforce.</source>
        <translation>La tâche {job} est toujours à l’état {state} dans Salesforce.</translation>
    </message>
    <message>
        <source>Job {job} is still {state}; look again later.</source>
        <translation>La tâche {job} est toujours à l’état {state}&#xa0;; regardez de nouveau plus tard.</translation>
    </message>
    <message>
        <source>Left out: {rows:,} rows ({reason}).</source>
        <translation>Laissées de côté&#xa0;: {rows:,} lignes ({reason}).</translation>
    </message>
    <message>
        <source>Listing jobs</source>
        <translation>Listage des tâches</translation>
    </message>
    <message>
        <source>Load these rows in serial mode (Bulk API concurrencyMode Serial, or one batch at a time), or sort the file by the parent so each batch holds one parent&apos;s children; then retry.</source>
        <translation>Chargez ces lignes en mode série (Bulk API concurrencyMode Serial, ou un lot à la fois), ou triez le fichier par parent pour que chaque lot contienne les enfants d’un seul parent&#xa0;; puis réessayez.</translation>
    </message>
    <message>
        <source>Locked: {id} (named by the message); the rows have no lookup column</source>
        <translation>Verrouillé&#xa0;: {id} (nommé par le message)&#xa0;; les lignes n’ont pas de colonne de relation de référence</translation>
    </message>
    <message>
        <source>More than one record holds the same external ID: merge them, then upsert again.</source>
        <translation>Plusieurs enregistrements ont le même ID externe&#xa0;: fusionnez-les, puis relancez l’upsert.</translation>
    </message>
    <message>
        <source>New: {cause} — {n:,} error</source>
        <translation>Nouvelle cause&#xa0;: {cause} — {n:,} erreur</translation>
    </message>
    <message>
        <source>New: {cause} — {n:,} errors</source>
        <translation>Nouvelle cause&#xa0;: {cause} — {n:,} erreurs</translation>
    </message>
    <message>
        <source>No active duplicate rule on {object} was found.</source>
        <translation>Aucune règle de doublons active n’a été trouvée sur {object}.</translation>
    </message>
    <message>
        <source>No answer came from the browser in time. Start the login again.</source>
        <translation>Le navigateur n’a pas répondu à temps. Recommencez la connexion.</translation>
    </message>
    <message>
        <source>No browser login is remembered in this computer&apos;s keyring for {username}. Open the app, log in with the browser with “Remember me” ticked (as the user the scheduled task runs as), then run the export again.</source>
        <translation>Aucune connexion par navigateur n’est mémorisée pour {username} dans le trousseau de cet ordinateur. Ouvrez l’application, connectez-vous avec le navigateur en cochant «&#xa0;Se souvenir de moi&#xa0;» (avec l’utilisateur qui exécute la tâche planifiée), puis relancez l’export.</translation>
    </message>
    <message>
        <source>No browser login is remembered in this computer&apos;s keyring. Open the app, log in with the browser with “Remember me” ticked (as the user the scheduled task runs as), then run the export again.</source>
        <translation>Aucune connexion par navigateur n’est mémorisée dans le trousseau de cet ordinateur. Ouvrez l’application, connectez-vous avec le navigateur en cochant «&#xa0;Se souvenir de moi&#xa0;» (avec l’utilisateur qui exécute la tâche planifiée), puis relancez l’export.</translation>
    </message>
    <message>
        <source>No data folder is set for the error archive.</source>
        <translation>Aucun dossier de données n’est défini pour l’archive des erreurs.</translation>
    </message>
    <message>
        <source>No diagnosis for job-level failures: the job&apos;s message is the cause.</source>
        <translation>Pas de diagnostic pour les échecs au niveau tâche&#xa0;: le message de la tâche en est la cause.</translation>
    </message>
    <message>
        <source>No diagnosis from the org for this error: see the advice.</source>
        <translation>Pas de diagnostic de l’organisation pour cette erreur&#xa0;: voir le conseil.</translation>
    </message>
    <message>
        <source>No diagnosis from the org for {code}: see the advice.</source>
        <translation>Pas de diagnostic de l’organisation pour {code}&#xa0;: voir le conseil.</translation>
    </message>
    <message>
        <source>No flow labelled “{label}” was found in the org (renamed or deleted since?).</source>
        <translation>Aucun flux intitulé «&#xa0;{label}&#xa0;» n’a été trouvé dans l’organisation (renommé ou supprimé depuis&#xa0;?).</translation>
    </message>
    <message>
        <source>No parent is shared by many rows ({column}): the locks come from elsewhere</source>
        <translation>Aucun parent n’est partagé par de nombreuses lignes ({column})&#xa0;: les verrous viennent d’ailleurs</translation>
    </message>
    <message>
        <source>No secure password store (keyring) is available on this computer, so “Remember me” is off and you will log in each time. On Linux, install and unlock a Secret Service keyring such as GNOME Keyring or KWallet.</source>
        <translation>Aucun coffre de mots de passe sécurisé (trousseau) n’est disponible sur cet ordinateur&#xa0;: «&#xa0;Se souvenir de moi&#xa0;» est donc désactivé et vous vous connecterez à chaque fois. Sous Linux, installez et déverrouillez un trousseau Secret Service comme GNOME Keyring ou KWallet.</translation>
    </message>
    <message>
        <source>No validation rule on {object} has the error message “{message}”.</source>
        <translation>Aucune règle de validation sur {object} n’a le message d’erreur «&#xa0;{message}&#xa0;».</translation>
    </message>
    <message>
        <source>Not read: this needs the “{permission}” permission, which your user lacks (Salesforce refuses its Setup metadata without it).</source>
        <translation>Non lu&#xa0;: il faut l’autorisation «&#xa0;{permission}&#xa0;», que votre utilisateur n’a pas (Salesforce refuse ses métadonnées de configuration sans elle).</translation>
    </message>
    <message>
        <source>Nothing to search for: this error has no code and no standard Salesforce wording.</source>
        <translation>Rien à rechercher&#xa0;: cette erreur n’a ni code ni texte standard de Salesforce.</translation>
    </message>
    <message>
        <source>Open existing {object} {id}</source>
        <translation>Ouvrir le {object} existant {id}</translation>
    </message>
    <message>
        <source>Open flow {flow}</source>
        <translation>Ouvrir le flux {flow}</translation>
    </message>
    <message>
        <source>Open rule {rule}</source>
        <translation>Ouvrir la règle {rule}</translation>
    </message>
    <message>
        <source>Open rule {rule} in Setup</source>
        <translation>Ouvrir la règle {rule} dans Configuration</translation>
    </message>
    <message>
        <source>Open {id}</source>
        <translation>Ouvrir {id}</translation>
    </message>
    <message>
        <source>Open {object} {id}</source>
        <translation>Ouvrir {object} {id}</translation>
    </message>
    <message>
        <source>Open {rule} in Setup</source>
        <translation>Ouvrir {rule} dans Configuration</translation>
    </message>
    <message>
        <source>Permission denied: cannot write {path} in the folder {folder} ({reason}).</source>
        <translation>Autorisation refusée&#xa0;: impossible d’écrire {path} dans le dossier {folder} ({reason}).</translation>
    </message>
    <message>
        <source>Permission denied: cannot write {path} in the folder {folder}.</source>
        <translation>Autorisation refusée&#xa0;: impossible d’écrire {path} dans le dossier {folder}.</translation>
    </message>
    <message>
        <source>Port {port} is in use by another program. Choose another callback port in the login settings (it must match your External Client App&apos;s callback URL).</source>
        <translation>Le port {port} est utilisé par un autre programme. Choisissez un autre port de rappel dans les paramètres de connexion (il doit correspondre à l’URL de rappel de votre application client externe).</translation>
    </message>
    <message>
        <source>Reading jobs</source>
        <translation>Lecture des tâches</translation>
    </message>
    <message>
        <source>Regressed: {cause} — {n:,} error</source>
        <translation>Cause réapparue&#xa0;: {cause} — {n:,} erreur</translation>
    </message>
    <message>
        <source>Regressed: {cause} — {n:,} errors</source>
        <translation>Cause réapparue&#xa0;: {cause} — {n:,} erreurs</translation>
    </message>
    <message>
        <source>Reload {state}</source>
        <translation>Rechargement {state}</translation>
    </message>
    <message>
        <source>Required on create: {fields}.</source>
        <translation>Obligatoires à la création&#xa0;: {fields}.</translation>
    </message>
    <message>
        <source>Rule {rule} ({state}): “{message}”, shown at {where}.</source>
        <translation>Règle {rule} ({state})&#xa0;: «&#xa0;{message}&#xa0;», affichée sur {where}.</translation>
    </message>
    <message>
        <source>Salesforce asked for fewer requests ({status} {code})</source>
        <translation>Salesforce a demandé moins de requêtes ({status} {code})</translation>
    </message>
    <message>
        <source>Salesforce deleted this job or it does not exist (404 {code})</source>
        <translation>Salesforce a supprimé cette tâche, ou elle n’existe pas (404 {code})</translation>
    </message>
    <message>
        <source>Salesforce did not answer within {seconds:g} seconds</source>
        <translation>Salesforce n’a pas répondu en {seconds:g} secondes</translation>
    </message>
    <message>
        <source>Salesforce did not complete the login: {detail}</source>
        <translation>Salesforce n’a pas terminé la connexion&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Salesforce did not revoke the login (HTTP {status}).</source>
        <translation>Salesforce n’a pas révoqué la connexion (HTTP {status}).</translation>
    </message>
    <message>
        <source>Salesforce does not describe {object}: its required fields are unknown.</source>
        <translation>Salesforce ne décrit pas {object}&#xa0;: ses champs obligatoires sont inconnus.</translation>
    </message>
    <message>
        <source>Salesforce does not know this client id. Check the Consumer Key of your External Client App in the login settings.</source>
        <translation>Salesforce ne connaît pas cet ID client. Vérifiez la clé du consommateur de votre application client externe dans les paramètres de connexion.</translation>
    </message>
    <message>
        <source>Salesforce gave an unusable user id: cannot check permissions.</source>
        <translation>Salesforce a donné un ID utilisateur inutilisable&#xa0;: impossible de vérifier les autorisations.</translation>
    </message>
    <message>
        <source>Salesforce is unavailable right now ({status} {code})</source>
        <translation>Salesforce est indisponible pour le moment ({status} {code})</translation>
    </message>
    <message>
        <source>Salesforce listed a job with an invalid API version; it was skipped.</source>
        <translation>Salesforce a listé une tâche avec une version d’API non valide&#xa0;; elle a été ignorée.</translation>
    </message>
    <message>
        <source>Salesforce listed a job with an invalid id; it was skipped.</source>
        <translation>Salesforce a listé une tâche avec un ID non valide&#xa0;; elle a été ignorée.</translation>
    </message>
    <message>
        <source>Salesforce named a link on another server (unknown); the app did not follow it, so your session stayed with your org.</source>
        <translation>Salesforce a indiqué un lien vers un autre serveur (inconnu)&#xa0;; l’application ne l’a pas suivi, votre session est donc restée auprès de votre organisation.</translation>
    </message>
    <message>
        <source>Salesforce named a link on another server ({host}); the app did not follow it, so your session stayed with your org.</source>
        <translation>Salesforce a indiqué un lien vers un autre serveur ({host})&#xa0;; l’application ne l’a pas suivi, votre session est donc restée auprès de votre organisation.</translation>
    </message>
    <message>
        <source>Salesforce named a link the app cannot use safely; it was not followed.</source>
        <translation>Salesforce a indiqué un lien que l’application ne peut pas utiliser sans risque&#xa0;; il n’a pas été suivi.</translation>
    </message>
    <message>
        <source>Salesforce no longer has job {job} (deleted, or older than 7 days): its outcome cannot be read. Check the records in Salesforce.</source>
        <translation>Salesforce n’a plus la tâche {job} (supprimée, ou de plus de 7 jours)&#xa0;: son résultat ne peut pas être lu. Vérifiez les enregistrements dans Salesforce.</translation>
    </message>
    <message>
        <source>Salesforce redirected the request elsewhere ({status}); the app did not follow.</source>
        <translation>Salesforce a redirigé la requête ailleurs ({status})&#xa0;; l’application n’a pas suivi.</translation>
    </message>
    <message>
        <source>Salesforce refused the login ({code}): {detail}</source>
        <translation>Salesforce a refusé la connexion ({code})&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Salesforce refused the login code (it expired, was already used, or did not match this login). Start the login again.</source>
        <translation>Salesforce a refusé le code de connexion (il a expiré, a déjà servi ou ne correspond pas à cette connexion). Recommencez la connexion.</translation>
    </message>
    <message>
        <source>Salesforce refused the renewed session. Log in again to sync.</source>
        <translation>Salesforce a refusé la session renouvelée. Reconnectez-vous pour synchroniser.</translation>
    </message>
    <message>
        <source>Salesforce refused the request ({status} {code})</source>
        <translation>Salesforce a refusé la requête ({status} {code})</translation>
    </message>
    <message>
        <source>Salesforce refused the request ({status})</source>
        <translation>Salesforce a refusé la requête ({status})</translation>
    </message>
    <message>
        <source>Salesforce refused the request: {message} ({status} {code})</source>
        <translation>Salesforce a refusé la requête&#xa0;: {message} ({status} {code})</translation>
    </message>
    <message>
        <source>Salesforce refused the request: {message} ({status})</source>
        <translation>Salesforce a refusé la requête&#xa0;: {message} ({status})</translation>
    </message>
    <message>
        <source>Salesforce refused to finish the login: {detail} ({error}).</source>
        <translation>Salesforce a refusé de terminer la connexion&#xa0;: {detail} ({error}).</translation>
    </message>
    <message>
        <source>Salesforce refused to log out: {detail} ({error}).</source>
        <translation>Salesforce a refusé la déconnexion&#xa0;: {detail} ({error}).</translation>
    </message>
    <message>
        <source>Salesforce refused to renew your login: {detail} ({error}).</source>
        <translation>Salesforce a refusé de renouveler votre connexion&#xa0;: {detail} ({error}).</translation>
    </message>
    <message>
        <source>Salesforce reported no result for this row.</source>
        <translation>Salesforce n’a indiqué aucun résultat pour cette ligne.</translation>
    </message>
    <message>
        <source>Salesforce sent a malformed answer (XML that cannot be read).</source>
        <translation>Salesforce a envoyé une réponse mal formée (XML illisible).</translation>
    </message>
    <message>
        <source>Salesforce sent a malformed answer about the reload job (no state).</source>
        <translation>Salesforce a envoyé une réponse mal formée sur la tâche de rechargement (pas d’état).</translation>
    </message>
    <message>
        <source>Salesforce sent a malformed answer about this job (not an object).</source>
        <translation>Salesforce a envoyé une réponse mal formée sur cette tâche (pas un objet JSON).</translation>
    </message>
    <message>
        <source>Salesforce sent a malformed answer to the new job (not an object).</source>
        <translation>Salesforce a envoyé une réponse mal formée à la nouvelle tâche (pas un objet).</translation>
    </message>
    <message>
        <source>Salesforce sent a malformed answer to {path} (not valid JSON).</source>
        <translation>Salesforce a envoyé une réponse mal formée à {path} (JSON non valide).</translation>
    </message>
    <message>
        <source>Salesforce sent a malformed batch list.</source>
        <translation>Salesforce a envoyé une liste de lots mal formée.</translation>
    </message>
    <message>
        <source>Salesforce sent a malformed describe of {object}.</source>
        <translation>Salesforce a envoyé une description mal formée de {object}.</translation>
    </message>
    <message>
        <source>Salesforce sent a malformed job list (no records).</source>
        <translation>Salesforce a envoyé une liste de tâches mal formée (pas d’enregistrements).</translation>
    </message>
    <message>
        <source>Salesforce sent a malformed query answer (no records).</source>
        <translation>Salesforce a envoyé une réponse de requête mal formée (pas d’enregistrements).</translation>
    </message>
    <message>
        <source>Salesforce sent a result file that is not a readable CSV ({problem}).</source>
        <translation>Salesforce a envoyé un fichier de résultats qui n’est pas un CSV lisible ({problem}).</translation>
    </message>
    <message>
        <source>Salesforce sent a result file whose rows have more values than its header.</source>
        <translation>Salesforce a envoyé un fichier de résultats dont les lignes ont plus de valeurs que l’en-tête.</translation>
    </message>
    <message>
        <source>Salesforce sent an answer too large to read ({megabytes} MB).</source>
        <translation>Salesforce a envoyé une réponse trop volumineuse pour être lue ({megabytes}&#xa0;Mo).</translation>
    </message>
    <message>
        <source>Salesforce sent an answer too large to read.</source>
        <translation>Salesforce a envoyé une réponse trop volumineuse pour être lue.</translation>
    </message>
    <message>
        <source>Salesforce sent batch results without a {column} column.</source>
        <translation>Salesforce a envoyé des résultats de lot sans colonne {column}.</translation>
    </message>
    <message>
        <source>Salesforce sent failed results without an sf__Error column.</source>
        <translation>Salesforce a envoyé des résultats en échec sans colonne sf__Error.</translation>
    </message>
    <message>
        <source>Salesforce sent the same job-list page twice, so the list was ended there.</source>
        <translation>Salesforce a envoyé deux fois la même page de la liste des tâches&#xa0;; la liste s’est donc arrêtée là.</translation>
    </message>
    <message>
        <source>Salesforce sent {results} results for {inputs} input rows in batch {batch}; they cannot be paired.</source>
        <translation>Salesforce a envoyé {results} résultats pour {inputs} lignes d’entrée dans le lot {batch}&#xa0;; impossible de les apparier.</translation>
    </message>
    <message>
        <source>Salesforce stopped sending in the middle of an answer</source>
        <translation>Salesforce a cessé d’envoyer au milieu d’une réponse</translation>
    </message>
    <message>
        <source>Salesforce wants to verify this device: log in once in a browser from this computer, or use the browser login.</source>
        <translation>Salesforce veut vérifier cet appareil&#xa0;: connectez-vous une fois dans un navigateur depuis cet ordinateur, ou utilisez la connexion par navigateur.</translation>
    </message>
    <message>
        <source>Salesforce&apos;s answer had no access token or instance URL.</source>
        <translation>La réponse de Salesforce ne contenait ni jeton d’accès ni URL d’instance.</translation>
    </message>
    <message>
        <source>Salesforce&apos;s answer named an unexpected server ({server}); the login was refused so your token is not sent there.</source>
        <translation>La réponse de Salesforce désignait un serveur inattendu ({server})&#xa0;; la connexion a été refusée pour que votre jeton n’y soit pas envoyé.</translation>
    </message>
    <message>
        <source>Searches the web for the error code only: {query}. The message is not one of Salesforce&apos;s standard texts (a validation rule, trigger or flow wrote it), so it may hold your data and is not sent.</source>
        <translation>Recherche sur le Web le code d’erreur seul&#xa0;: {query}. Le message n’est pas un texte standard de Salesforce (une règle de validation, un déclencheur ou un flux l’a écrit)&#xa0;; il peut contenir vos données et n’est pas envoyé.</translation>
    </message>
    <message>
        <source>Searches the web for: {query}. IDs, e-mail addresses, numbers, dates and the values Salesforce echoes are left out.</source>
        <translation>Recherche sur le Web&#xa0;: {query}. Les ID, adresses e-mail, nombres, dates et valeurs que Salesforce reprend sont retirés.</translation>
    </message>
    <message>
        <source>Set {column} to “{value}” in every row</source>
        <translation>Définir {column} à «&#xa0;{value}&#xa0;» dans chaque ligne</translation>
    </message>
    <message>
        <source>Several browser logins are remembered ({names}): choose one with --username.</source>
        <translation>Plusieurs connexions par navigateur sont mémorisées ({names})&#xa0;: choisissez-en une avec --username.</translation>
    </message>
    <message>
        <source>The API is not enabled for this org (it needs Enterprise, Unlimited, Performance or Developer Edition).</source>
        <translation>L’API n’est pas activée pour cette organisation (il faut l’édition Enterprise, Unlimited, Performance ou Developer).</translation>
    </message>
    <message>
        <source>The Salesforce CLI (`sf`) was not found on this computer&apos;s PATH. Install it (https://developer.salesforce.com/tools/salesforcecli) or give its folder in PATH.</source>
        <translation>Salesforce CLI (`sf`) est introuvable dans le PATH de cet ordinateur. Installez-le (https://developer.salesforce.com/tools/salesforcecli) ou ajoutez son dossier au PATH.</translation>
    </message>
    <message>
        <source>The Salesforce CLI could not be started ({kind}).</source>
        <translation>Salesforce CLI n’a pas pu être lancé ({kind}).</translation>
    </message>
    <message>
        <source>The Salesforce CLI could not use “{alias}”: {message}</source>
        <translation>Salesforce CLI n’a pas pu utiliser «&#xa0;{alias}&#xa0;»&#xa0;: {message}</translation>
    </message>
    <message>
        <source>The Salesforce CLI did not answer within {seconds} s.</source>
        <translation>Salesforce CLI n’a pas répondu en {seconds} s.</translation>
    </message>
    <message>
        <source>The Salesforce CLI did not give an instance URL and access token for “{alias}”. Log in again with `sf org login web --alias {alias}`.</source>
        <translation>Salesforce CLI n’a pas donné d’URL d’instance ni de jeton d’accès pour «&#xa0;{alias}&#xa0;». Reconnectez-vous avec `sf org login web --alias {alias}`.</translation>
    </message>
    <message>
        <source>The Salesforce CLI&apos;s answer for “{alias}” was not the JSON the app expects (exit code {code}). Update the CLI and try again.</source>
        <translation>La réponse de Salesforce CLI pour «&#xa0;{alias}&#xa0;» n’est pas le JSON attendu (code de sortie {code}). Mettez Salesforce CLI à jour et réessayez.</translation>
    </message>
    <message>
        <source>The access token was refused: it has expired or been revoked. Get a new one (e.g. `sf org display`) or log in another way.</source>
        <translation>Le jeton d’accès a été refusé&#xa0;: il a expiré ou a été révoqué. Obtenez-en un nouveau (par ex. `sf org display`) ou connectez-vous autrement.</translation>
    </message>
    <message>
        <source>The answer did not come from the login you started in this app, so it was refused. Start the login again.</source>
        <translation>La réponse ne provient pas de la connexion lancée dans cette application&#xa0;: elle a été refusée. Recommencez la connexion.</translation>
    </message>
    <message>
        <source>The app could not read this job (unexpected {kind}).</source>
        <translation>L’application n’a pas pu lire cette tâche (erreur inattendue&#xa0;: {kind}).</translation>
    </message>
    <message>
        <source>The certificate of {host} has expired (or is not valid yet), so the app did not connect. Check this computer&apos;s date and time; if they are right, the server or your company&apos;s proxy must renew its certificate.</source>
        <translation>Le certificat de {host} a expiré (ou n’est pas encore valide)&#xa0;; l’application ne s’est donc pas connectée. Vérifiez la date et l’heure de cet ordinateur&#xa0;; si elles sont justes, le serveur ou le proxy de votre entreprise doit renouveler son certificat.</translation>
    </message>
    <message>
        <source>The certificate of {host} was issued by an authority this computer does not trust, so the app did not connect. If your company inspects HTTPS traffic, choose its root certificate under Advanced → “Trust this certificate” (or pass --ca-bundle), or ask IT to install it in the system&apos;s certificate store.</source>
        <translation>Le certificat de {host} a été émis par une autorité à laquelle cet ordinateur ne fait pas confiance&#xa0;; l’application ne s’est donc pas connectée. Si votre entreprise inspecte le trafic HTTPS, choisissez son certificat racine sous Avancé → «&#xa0;Faire confiance à ce certificat&#xa0;» (ou passez --ca-bundle), ou demandez au service informatique de l’installer dans le magasin de certificats du système.</translation>
    </message>
    <message>
        <source>The certificate presented for {host} is for another host name, so the app did not connect. Check the address (a My Domain looks like https://acme.my.salesforce.com); a proxy that intercepts traffic can also cause this.</source>
        <translation>Le certificat présenté pour {host} concerne un autre nom d’hôte&#xa0;; l’application ne s’est donc pas connectée. Vérifiez l’adresse (un My Domain ressemble à https://acme.my.salesforce.com)&#xa0;; un proxy qui intercepte le trafic peut aussi en être la cause.</translation>
    </message>
    <message>
        <source>The connection broke in the middle of an answer</source>
        <translation>La connexion a été coupée au milieu d’une réponse</translation>
    </message>
    <message>
        <source>The connection to {host} failed ({kind}).</source>
        <translation>La connexion à {host} a échoué ({kind}).</translation>
    </message>
    <message>
        <source>The data folder {folder} belongs to another user of this computer, who can read the errors kept there; choose a folder of your own.</source>
        <translation>Le dossier de données {folder} appartient à un autre utilisateur de cet ordinateur, qui peut lire les erreurs qui y sont conservées&#xa0;; choisissez un dossier qui vous appartient.</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be used: {reason}.</source>
        <translation>Le dossier de données {folder} ne peut pas être utilisé&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>The describe of {object} has no field {field}.</source>
        <translation>La description de {object} n’a pas de champ {field}.</translation>
    </message>
    <message>
        <source>The describe of {object} has no picklist {field}.</source>
        <translation>La description de {object} n’a pas de liste de sélection {field}.</translation>
    </message>
    <message>
        <source>The disk is full: could not write {path} ({reason}).</source>
        <translation>Le disque est plein&#xa0;: impossible d’écrire {path} ({reason}).</translation>
    </message>
    <message>
        <source>The failed rows and their messages name no record ID to check.</source>
        <translation>Les lignes en échec et leurs messages ne nomment aucun ID d’enregistrement à vérifier.</translation>
    </message>
    <message>
        <source>The failed rows fill every required field; the field may be required by a layout or trigger.</source>
        <translation>Les lignes en échec remplissent tous les champs obligatoires&#xa0;; le champ est peut-être exigé par une présentation ou un déclencheur.</translation>
    </message>
    <message>
        <source>The failed rows have no {field} column to check.</source>
        <translation>Les lignes en échec n’ont pas de colonne {field} à vérifier.</translation>
    </message>
    <message>
        <source>The failed rows lack required {fields}</source>
        <translation>Il manque aux lignes en échec les champs obligatoires {fields}</translation>
    </message>
    <message>
        <source>The file is too large for this disk or its size limit: could not write {path}.</source>
        <translation>Le fichier est trop volumineux pour ce disque ou sa limite de taille&#xa0;: impossible d’écrire {path}.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist: could not write {path}.</source>
        <translation>Le dossier {folder} n’existe pas&#xa0;: impossible d’écrire {path}.</translation>
    </message>
    <message>
        <source>The folder {folder} is on a read-only disk: could not write {path}.</source>
        <translation>Le dossier {folder} se trouve sur un disque en lecture seule&#xa0;: impossible d’écrire {path}.</translation>
    </message>
    <message>
        <source>The instance URL must start with https:// (plain http would expose the token).</source>
        <translation>L’URL d’instance doit commencer par https:// (en http simple, le jeton serait exposé).</translation>
    </message>
    <message>
        <source>The job list was longer than {pages:,} pages; the rest was not read.</source>
        <translation>La liste des tâches dépassait {pages:,}&#xa0;pages&#xa0;; le reste n’a pas été lu.</translation>
    </message>
    <message>
        <source>The keyring did not answer within {seconds} seconds (it may be waiting for you to unlock it), so “Remember me” is off for now.</source>
        <translation>Le trousseau n’a pas répondu en {seconds} secondes (il attend peut-être que vous le déverrouilliez)&#xa0;: «&#xa0;Se souvenir de moi&#xa0;» est donc désactivé pour l’instant.</translation>
    </message>
    <message>
        <source>The keyring module could not be loaded ({reason}), so “Remember me” is off and you will log in each time.</source>
        <translation>Le module du trousseau n’a pas pu être chargé ({reason})&#xa0;: «&#xa0;Se souvenir de moi&#xa0;» est donc désactivé et vous vous connecterez à chaque fois.</translation>
    </message>
    <message>
        <source>The last successful sync&apos;s start ({later} UTC) is later than now (was the clock ahead?); this sync reads from {start} UTC instead.</source>
        <translation>Le début de la dernière synchronisation réussie ({later} UTC) est postérieur à maintenant (l’horloge avançait-elle&#xa0;?)&#xa0;; cette synchronisation lit plutôt à partir du {start} UTC.</translation>
    </message>
    <message>
        <source>The login URL must start with https:// — logging in over plain http would expose your login to the network.</source>
        <translation>L’URL de connexion doit commencer par https:// — se connecter en http simple exposerait votre connexion sur le réseau.</translation>
    </message>
    <message>
        <source>The login answer names an instance outside Salesforce ({instance}): refused, no token was sent there.</source>
        <translation>La réponse de connexion désigne une instance hors de Salesforce ({instance})&#xa0;: refusée, aucun jeton n’y a été envoyé.</translation>
    </message>
    <message>
        <source>The login answer names an instance without https: refused.</source>
        <translation>La réponse de connexion désigne une instance sans https&#xa0;: refusée.</translation>
    </message>
    <message>
        <source>The login server answered HTTP {code} instead of a Salesforce login answer.</source>
        <translation>Le serveur de connexion a répondu HTTP {code} au lieu d’une réponse de connexion Salesforce.</translation>
    </message>
    <message>
        <source>The login was cancelled.</source>
        <translation>La connexion a été annulée.</translation>
    </message>
    <message>
        <source>The login was not started.</source>
        <translation>La connexion n’a pas été lancée.</translation>
    </message>
    <message>
        <source>The message does not name the flow that failed.</source>
        <translation>Le message ne nomme pas le flux qui a échoué.</translation>
    </message>
    <message>
        <source>The message names no field of {object} and no existing record.</source>
        <translation>Le message ne nomme aucun champ de {object} ni aucun enregistrement existant.</translation>
    </message>
    <message>
        <source>The messages name the locked record(s): {ids}.</source>
        <translation>Les messages nomment les enregistrements verrouillés&#xa0;: {ids}.</translation>
    </message>
    <message>
        <source>The messages name {count:,} existing records, e.g. {ids}.</source>
        <translation>Les messages nomment {count:,} enregistrements existants, par exemple {ids}.</translation>
    </message>
    <message>
        <source>The messages name: {ids}.</source>
        <translation>Les messages nomment&#xa0;: {ids}.</translation>
    </message>
    <message>
        <source>The org answered a new login with another instance: log in again.</source>
        <translation>L’organisation a répondu à une nouvelle connexion avec une autre instance&#xa0;: reconnectez-vous.</translation>
    </message>
    <message>
        <source>The org is locked: contact Salesforce support.</source>
        <translation>L’organisation est verrouillée&#xa0;: contactez le support Salesforce.</translation>
    </message>
    <message>
        <source>The org reached its API request limit (403 REQUEST_LIMIT_EXCEEDED)</source>
        <translation>L’organisation a atteint sa limite de requêtes API (403 REQUEST_LIMIT_EXCEEDED)</translation>
    </message>
    <message>
        <source>The org&apos;s address is not an https:// URL; nothing was sent.</source>
        <translation>L’adresse de l’organisation n’est pas une URL https://&#xa0;; rien n’a été envoyé.</translation>
    </message>
    <message>
        <source>The org&apos;s daily API limit is used up: {n:,} job not read (and the job list was cut short: more may follow); the next sync will read them.</source>
        <translation>La limite quotidienne d’API de l’organisation est épuisée&#xa0;: {n:,}&#xa0;tâche non lue (et la liste des tâches a été interrompue&#xa0;: d’autres peuvent suivre)&#xa0;; la prochaine synchronisation les lira.</translation>
    </message>
    <message>
        <source>The org&apos;s daily API limit is used up: {n:,} job not read; the next sync will read them.</source>
        <translation>La limite quotidienne d’API de l’organisation est épuisée&#xa0;: {n:,}&#xa0;tâche non lue&#xa0;; la prochaine synchronisation la lira.</translation>
    </message>
    <message>
        <source>The org&apos;s daily API limit is used up: {n:,} jobs not read (and the job list was cut short: more may follow); the next sync will read them.</source>
        <translation>La limite quotidienne d’API de l’organisation est épuisée&#xa0;: {n:,}&#xa0;tâches non lues (et la liste des tâches a été interrompue&#xa0;: d’autres peuvent suivre)&#xa0;; la prochaine synchronisation les lira.</translation>
    </message>
    <message>
        <source>The org&apos;s daily API limit is used up: {n:,} jobs not read; the next sync will read them.</source>
        <translation>La limite quotidienne d’API de l’organisation est épuisée&#xa0;: {n:,}&#xa0;tâches non lues&#xa0;; la prochaine synchronisation les lira.</translation>
    </message>
    <message>
        <source>The org&apos;s daily API request limit is used up (403 REQUEST_LIMIT_EXCEEDED).</source>
        <translation>La limite quotidienne de requêtes API de l’organisation est épuisée (403 REQUEST_LIMIT_EXCEEDED).</translation>
    </message>
    <message>
        <source>The org&apos;s daily API request limit is used up (403 REQUEST_LIMIT_EXCEEDED). Nothing could be read; try again tomorrow.</source>
        <translation>La limite quotidienne de requêtes API de l’organisation est épuisée (403 REQUEST_LIMIT_EXCEEDED). Rien n’a pu être lu&#xa0;; réessayez demain.</translation>
    </message>
    <message>
        <source>The password has expired: log in to Salesforce in a browser to set a new one, then try again.</source>
        <translation>Le mot de passe a expiré&#xa0;: connectez-vous à Salesforce dans un navigateur pour en définir un nouveau, puis réessayez.</translation>
    </message>
    <message>
        <source>The permission check failed: {reason}</source>
        <translation>La vérification des autorisations a échoué&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The reload names no object; say which one (e.g. --object Contact).</source>
        <translation>Le rechargement ne nomme aucun objet&#xa0;; indiquez lequel (par exemple --object Contact).</translation>
    </message>
    <message>
        <source>The rows have no lookup column and the messages name no record.</source>
        <translation>Les lignes n’ont pas de colonne de relation de référence et les messages ne nomment aucun enregistrement.</translation>
    </message>
    <message>
        <source>The rule may have been changed or deleted since, or the message comes from a trigger or flow.</source>
        <translation>La règle a peut-être été modifiée ou supprimée depuis, ou le message vient d’un déclencheur ou d’un flux.</translation>
    </message>
    <message>
        <source>The secure connection to {host} failed (TLS handshake), so the app did not connect. A proxy or firewall may be blocking it; set the proxy under Advanced if your company uses one.</source>
        <translation>La connexion sécurisée à {host} a échoué (négociation TLS)&#xa0;; l’application ne s’est donc pas connectée. Un proxy ou un pare-feu la bloque peut-être&#xa0;; définissez le proxy sous Avancé si votre entreprise en utilise un.</translation>
    </message>
    <message>
        <source>The session expired while checking permissions: log in again.</source>
        <translation>La session a expiré pendant la vérification des autorisations&#xa0;: reconnectez-vous.</translation>
    </message>
    <message>
        <source>The sync was cancelled.</source>
        <translation>La synchronisation a été annulée.</translation>
    </message>
    <message>
        <source>The token is valid but may not use the API (API Enabled permission missing?): log in as a user who has it, or ask an admin to grant it.</source>
        <translation>Le jeton est valide mais ne peut pas utiliser l’API (autorisation API activée manquante&#xa0;?)&#xa0;: connectez-vous avec un utilisateur qui l’a, ou demandez à un administrateur de l’accorder.</translation>
    </message>
    <message>
        <source>The user is locked out after too many failed logins: ask an admin to unlock it.</source>
        <translation>L’utilisateur est bloqué après trop de connexions échouées&#xa0;: demandez à un administrateur de le débloquer.</translation>
    </message>
    <message>
        <source>The window&apos;s start ({later} UTC) is later than now (was the clock ahead?); this sync reads from {start} UTC instead.</source>
        <translation>Le début de la période ({later} UTC) est postérieur à maintenant (l’horloge avançait-elle&#xa0;?)&#xa0;; cette synchronisation lit plutôt à partir du {start} UTC.</translation>
    </message>
    <message>
        <source>There are no rows to reload.</source>
        <translation>Il n’y a aucune ligne à recharger.</translation>
    </message>
    <message>
        <source>This app is for Salesforce admins. Your user is missing {first} and {second}. Ask an admin for a permission set that grants them (or Modify All Data), then log in again.</source>
        <translation>Cette application est destinée aux administrateurs Salesforce. Il manque à votre utilisateur {first} et {second}. Demandez à un administrateur un ensemble d’autorisations qui les accorde (ou Modifier toutes les données), puis reconnectez-vous.</translation>
    </message>
    <message>
        <source>This app is for Salesforce admins. Your user is missing {first}, {second} and {third}. Ask an admin for a permission set that grants them (or Modify All Data), then log in again.</source>
        <translation>Cette application est destinée aux administrateurs Salesforce. Il manque à votre utilisateur {first}, {second} et {third}. Demandez à un administrateur un ensemble d’autorisations qui les accorde (ou Modifier toutes les données), puis reconnectez-vous.</translation>
    </message>
    <message>
        <source>This app is for Salesforce admins. Your user is missing {first}. Ask an admin for a permission set that grants it (or Modify All Data), then log in again.</source>
        <translation>Cette application est destinée aux administrateurs Salesforce. Il manque à votre utilisateur {first}. Demandez à un administrateur un ensemble d’autorisations qui l’accorde (ou Modifier toutes les données), puis reconnectez-vous.</translation>
    </message>
    <message>
        <source>This app is for Salesforce admins: Salesforce would not show this user&apos;s permissions (INSUFFICIENT_ACCESS). It needs Modify All Data, or {first}, {second} and {third}. Log in as an admin, or ask one to grant these permissions.</source>
        <translation>Cette application est destinée aux administrateurs Salesforce&#xa0;: Salesforce n’a pas voulu montrer les autorisations de cet utilisateur (INSUFFICIENT_ACCESS). Il lui faut Modifier toutes les données, ou {first}, {second} et {third}. Connectez-vous en tant qu’administrateur, ou demandez à un administrateur d’accorder ces autorisations.</translation>
    </message>
    <message>
        <source>This login has no refresh token, so it cannot be renewed. Log in again (and check that the app&apos;s OAuth scopes include refresh_token).</source>
        <translation>Cette connexion n’a pas de jeton d’actualisation&#xa0;: elle ne peut pas être renouvelée. Reconnectez-vous (et vérifiez que les portées OAuth de l’application incluent refresh_token).</translation>
    </message>
    <message>
        <source>This org needs the security token for logins from this network: enter it (Settings › Reset My Security Token).</source>
        <translation>Cette organisation exige le jeton de sécurité pour les connexions depuis ce réseau&#xa0;: saisissez-le (Paramètres › Réinitialiser mon jeton de sécurité).</translation>
    </message>
    <message>
        <source>This org no longer accepts password (SOAP) login: use the browser login or an access token.</source>
        <translation>Cette organisation n’accepte plus la connexion par mot de passe (SOAP)&#xa0;: utilisez la connexion par navigateur ou un jeton d’accès.</translation>
    </message>
    <message>
        <source>This record failed {failures} times since {since}.</source>
        <translation>Cet enregistrement a échoué {failures}&#xa0;fois depuis le {since}.</translation>
    </message>
    <message>
        <source>This record failed {failures} times.</source>
        <translation>Cet enregistrement a échoué {failures}&#xa0;fois.</translation>
    </message>
    <message>
        <source>This reload would {operation} {n} {object} records. Deleting is never taken from a file name: give the operation explicitly (--operation {operation}).</source>
        <translation>Ce rechargement ferait l’opération {operation} sur {n} enregistrements {object}. Une suppression n’est jamais déduite d’un nom de fichier&#xa0;: indiquez l’opération explicitement (--operation {operation}).</translation>
    </message>
    <message>
        <source>This sync brought {n:,} error (more than {threshold:,}).</source>
        <translation>Cette synchronisation a apporté {n:,} erreur (plus de {threshold:,}).</translation>
    </message>
    <message>
        <source>This sync brought {n:,} errors (more than {threshold:,}).</source>
        <translation>Cette synchronisation a apporté {n:,} erreurs (plus de {threshold:,}).</translation>
    </message>
    <message>
        <source>This user may not log in at this time of day (login hours).</source>
        <translation>Cet utilisateur ne peut pas se connecter à cette heure de la journée (heures de connexion).</translation>
    </message>
    <message>
        <source>This user may not log in from this network (login IP ranges).</source>
        <translation>Cet utilisateur ne peut pas se connecter depuis ce réseau (plages d’adresses IP de connexion).</translation>
    </message>
    <message>
        <source>Valid values of {label} ({field}): {values}.</source>
        <translation>Valeurs valides de {label} ({field})&#xa0;: {values}.</translation>
    </message>
    <message>
        <source>Validation rule {rule} on {object} fired (it is inactive now): {formula}</source>
        <translation>La règle de validation {rule} sur {object} s’est déclenchée (elle est inactive maintenant)&#xa0;: {formula}</translation>
    </message>
    <message>
        <source>Validation rule {rule} on {object} fired: {formula}</source>
        <translation>La règle de validation {rule} sur {object} s’est déclenchée&#xa0;: {formula}</translation>
    </message>
    <message>
        <source>Wrong username, password or security token (or the user is locked out). Check them and try again; a new security token comes by e-mail (Settings › Reset My Security Token).</source>
        <translation>Nom d’utilisateur, mot de passe ou jeton de sécurité incorrect (ou utilisateur bloqué). Vérifiez-les et réessayez&#xa0;; un nouveau jeton de sécurité s’obtient par e-mail (Paramètres › Réinitialiser mon jeton de sécurité).</translation>
    </message>
    <message>
        <source>You (or your admin) denied access: Salesforce did not allow this app to connect. Choose Allow on the Salesforce page, or ask your admin to approve the External Client App for your user.</source>
        <translation>Vous (ou votre administrateur) avez refusé l’accès&#xa0;: Salesforce n’a pas permis à cette application de se connecter. Choisissez Autoriser sur la page Salesforce, ou demandez à votre administrateur d’approuver l’application client externe pour votre utilisateur.</translation>
    </message>
    <message>
        <source>You have the permissions this app needs.</source>
        <translation>Vous avez les autorisations dont cette application a besoin.</translation>
    </message>
    <message>
        <source>Your Salesforce session has expired and could not be renewed. Log in again to sync.</source>
        <translation>Votre session Salesforce a expiré et n’a pas pu être renouvelée. Reconnectez-vous pour synchroniser.</translation>
    </message>
    <message>
        <source>Your Salesforce session has expired. Log in again to sync.</source>
        <translation>Votre session Salesforce a expiré. Reconnectez-vous pour synchroniser.</translation>
    </message>
    <message>
        <source>Your saved login has expired or was revoked, so it could not be renewed. Log in again.</source>
        <translation>Votre connexion enregistrée a expiré ou a été révoquée&#xa0;: elle n’a pas pu être renouvelée. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>a lookup to another object</source>
        <translation>une relation de référence vers un autre objet</translation>
    </message>
    <message>
        <source>a lookup to {objects}</source>
        <translation>une relation de référence vers {objects}</translation>
    </message>
    <message>
        <source>a usable user id and object name (the permission check could not be asked)</source>
        <translation>un ID d’utilisateur et un nom d’objet utilisables (la vérification des autorisations n’a pas pu être demandée)</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>et {n} de plus</translation>
    </message>
    <message>
        <source>are deleted</source>
        <translation>sont supprimés</translation>
    </message>
    <message>
        <source>are deleted (in the Recycle Bin: undelete them, or point to others)</source>
        <translation>sont supprimés (dans la Corbeille&#xa0;: restaurez-les, ou pointez vers d’autres)</translation>
    </message>
    <message>
        <source>are inactive users</source>
        <translation>sont des utilisateurs inactifs</translation>
    </message>
    <message>
        <source>are longer than {length:,} characters</source>
        <translation>dépassent {length:,} caractères</translation>
    </message>
    <message>
        <source>are not 15- or 18-character IDs</source>
        <translation>ne sont pas des ID de 15 ou 18 caractères</translation>
    </message>
    <message>
        <source>are not 15- or 18-character IDs of {objects}</source>
        <translation>ne sont pas des ID de 15 ou 18 caractères de {objects}</translation>
    </message>
    <message>
        <source>are not dates written YYYY-MM-DD</source>
        <translation>ne sont pas des dates écrites AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>are not e-mail addresses</source>
        <translation>ne sont pas des adresses e-mail</translation>
    </message>
    <message>
        <source>are not numbers below {limit:,}</source>
        <translation>ne sont pas des nombres inférieurs à {limit:,}</translation>
    </message>
    <message>
        <source>are not plain numbers</source>
        <translation>ne sont pas de simples nombres</translation>
    </message>
    <message>
        <source>do not exist</source>
        <translation>n’existent pas</translation>
    </message>
    <message>
        <source>do not exist (never did, or emptied from the Recycle Bin)</source>
        <translation>n’existent pas (jamais existé, ou vidés de la Corbeille)</translation>
    </message>
    <message>
        <source>do not fit its type {type}</source>
        <translation>ne correspondent pas à son type {type}</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>exist and are visible</source>
        <translation>existent et sont visibles</translation>
    </message>
    <message>
        <source>exist but the loading user may not read them</source>
        <translation>existent mais l’utilisateur du chargement ne peut peut-être pas les lire</translation>
    </message>
    <message>
        <source>exist but the loading user may not read them (sharing)</source>
        <translation>existent mais l’utilisateur du chargement ne peut peut-être pas les lire (partage)</translation>
    </message>
    <message>
        <source>external ID ({key})</source>
        <translation>ID externe ({key})</translation>
    </message>
    <message>
        <source>formula not readable</source>
        <translation>formule illisible</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>input row no longer kept</source>
        <translation>ligne d’entrée plus conservée</translation>
    </message>
    <message>
        <source>input row not readable as columns</source>
        <translation>ligne d’entrée illisible en colonnes</translation>
    </message>
    <message>
        <source>job-level errors (no input row)</source>
        <translation>erreurs de niveau tâche (pas de ligne d’entrée)</translation>
    </message>
    <message>
        <source>no file name given: name the CSV file to write.</source>
        <translation>aucun nom de fichier indiqué&#xa0;: nommez le fichier CSV à écrire.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>of a sample of {sample:,} of these {total:,} rows</source>
        <translation>d’un échantillon de {sample:,} de ces {total:,} lignes</translation>
    </message>
    <message>
        <source>of these {total:,} rows</source>
        <translation>de ces {total:,} lignes</translation>
    </message>
    <message>
        <source>operation (none) cannot be reloaded</source>
        <translation>l’opération (aucune) ne peut pas être rechargée</translation>
    </message>
    <message>
        <source>operation {operation} cannot be reloaded</source>
        <translation>l’opération {operation} ne peut pas être rechargée</translation>
    </message>
    <message>
        <source>record</source>
        <translation>enregistrement</translation>
    </message>
    <message>
        <source>the right to create and edit {object} records</source>
        <translation>le droit de créer et de modifier des enregistrements {object}</translation>
    </message>
    <message>
        <source>the right to create {object} records</source>
        <translation>le droit de créer des enregistrements {object}</translation>
    </message>
    <message>
        <source>the right to delete {object} records</source>
        <translation>le droit de supprimer des enregistrements {object}</translation>
    </message>
    <message>
        <source>the right to edit {object} records</source>
        <translation>le droit de modifier des enregistrements {object}</translation>
    </message>
    <message>
        <source>the right to {rights} {object} records</source>
        <translation>le droit {rights} sur les enregistrements {object}</translation>
    </message>
    <message>
        <source>the top of the page</source>
        <translation>le haut de la page</translation>
    </message>
    <message>
        <source>the upload has no such column</source>
        <translation>le chargement n’a pas cette colonne</translation>
    </message>
    <message>
        <source>{changes} changed causes — {n:,} error</source>
        <translation>{changes} causes changées — {n:,} erreur</translation>
    </message>
    <message>
        <source>{changes} changed causes — {n:,} errors</source>
        <translation>{changes} causes changées — {n:,} erreurs</translation>
    </message>
    <message>
        <source>{code} on {object} ({fields})</source>
        <translation>{code} sur {object} ({fields})</translation>
    </message>
    <message>
        <source>{code} on {object}.{field}</source>
        <translation>{code} sur {object}.{field}</translation>
    </message>
    <message>
        <source>{count:,} of {checked:,} referenced IDs {state}</source>
        <translation>{count:,} des {checked:,} ID référencés {state}</translation>
    </message>
    <message>
        <source>{count:,} rows leave it empty; a restricted picklist needs a value here.</source>
        <translation>{count:,} lignes le laissent vide&#xa0;; une liste de sélection restreinte exige une valeur ici.</translation>
    </message>
    <message>
        <source>{count:,} values repeat among the failed rows, e.g. “{value}”.</source>
        <translation>{count:,} valeurs se répètent parmi les lignes en échec, par exemple «&#xa0;{value}&#xa0;».</translation>
    </message>
    <message>
        <source>{count:,} {rows} break it ({rule}).</source>
        <translation>{count:,} {rows} l’enfreignent ({rule}).</translation>
    </message>
    <message>
        <source>{count:,} {rows} have values {field} does not allow</source>
        <translation>{count:,} {rows} ont des valeurs que {field} n’autorise pas</translation>
    </message>
    <message>
        <source>{count:,} {rows} have values {field} does not allow; suggested: {pairs}</source>
        <translation>{count:,} {rows} ont des valeurs que {field} n’autorise pas&#xa0;; suggestion&#xa0;: {pairs}</translation>
    </message>
    <message>
        <source>{count:,} {rows} have {field} empty (what the formula rejects).</source>
        <translation>{count:,} {rows} ont {field} vide (ce que la formule rejette).</translation>
    </message>
    <message>
        <source>{count:,} {state}, e.g. {ids}</source>
        <translation>{count:,} {state}, par exemple {ids}</translation>
    </message>
    <message>
        <source>{done:,} of at least {total:,} jobs</source>
        <translation>{done:,} sur au moins {total:,}&#xa0;tâches</translation>
    </message>
    <message>
        <source>{done:,}/{total:,} jobs</source>
        <translation>{done:,}/{total:,}&#xa0;tâches</translation>
    </message>
    <message>
        <source>{empty} of {n} rows have an empty {key} (rows {named}); a {operation} needs each row&apos;s {what}. Fill them in or drop those rows.</source>
        <translation>{empty} lignes sur {n} ont un {key} vide (lignes {named})&#xa0;; une opération {operation} a besoin de l’{what} de chaque ligne. Remplissez-les ou retirez ces lignes.</translation>
    </message>
    <message>
        <source>{field} is {size}: {count:,} {rows} {rule}</source>
        <translation>{field} est {size}&#xa0;: {count:,} {rows} {rule}</translation>
    </message>
    <message>
        <source>{field} matches more than one existing record</source>
        <translation>{field} correspond à plusieurs enregistrements existants</translation>
    </message>
    <message>
        <source>{field} must be unique: these values already exist on other records</source>
        <translation>{field} doit être unique&#xa0;: ces valeurs existent déjà sur d’autres enregistrements</translation>
    </message>
    <message>
        <source>{field}: {count:,} {rows} lack it ({how}); no default can be suggested.</source>
        <translation>{field}&#xa0;: il manque à {count:,} {rows} ({how})&#xa0;; aucune valeur par défaut ne peut être suggérée.</translation>
    </message>
    <message>
        <source>{field}: {count:,} {rows} lack it ({how}); suggested default “{default}”.</source>
        <translation>{field}&#xa0;: il manque à {count:,} {rows} ({how})&#xa0;; valeur par défaut suggérée «&#xa0;{default}&#xa0;».</translation>
    </message>
    <message>
        <source>{file}: {rows:,} rows, {columns} columns</source>
        <translation>{file}&#xa0;: {rows:,} lignes, {columns} colonnes</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder: could not write {path}.</source>
        <translation>{folder} est un fichier, pas un dossier&#xa0;: impossible d’écrire {path}.</translation>
    </message>
    <message>
        <source>{host} answered HTTP {status} when asked who is logged in: is this a Salesforce instance URL?</source>
        <translation>{host} a répondu HTTP {status} à la demande de l’utilisateur connecté&#xa0;: est-ce bien l’URL d’une instance Salesforce&#xa0;?</translation>
    </message>
    <message>
        <source>{host} did not answer like a Salesforce login server.</source>
        <translation>{host} n’a pas répondu comme un serveur de connexion Salesforce.</translation>
    </message>
    <message>
        <source>{host} did not answer like a Salesforce org (no user info).</source>
        <translation>{host} n’a pas répondu comme une organisation Salesforce (pas d’informations utilisateur).</translation>
    </message>
    <message>
        <source>{host} did not answer within {seconds} s.</source>
        <translation>{host} n’a pas répondu en {seconds} s.</translation>
    </message>
    <message>
        <source>{host} sent an answer that is too large or malformed.</source>
        <translation>{host} a envoyé une réponse trop volumineuse ou mal formée.</translation>
    </message>
    <message>
        <source>{id}: {count:,} rows ({share:.0f} %)</source>
        <translation>{id}&#xa0;: {count:,} lignes ({share:.0f}&#xa0;%)</translation>
    </message>
    <message>
        <source>{label} ({field}) is a field marked unique.</source>
        <translation>{label} ({field}) est un champ marqué unique.</translation>
    </message>
    <message>
        <source>{label} ({field}) is a field.</source>
        <translation>{label} ({field}) est un champ.</translation>
    </message>
    <message>
        <source>{label} ({field}) is an external ID marked unique.</source>
        <translation>{label} ({field}) est un ID externe marqué unique.</translation>
    </message>
    <message>
        <source>{label} ({field}) is an external ID.</source>
        <translation>{label} ({field}) est un ID externe.</translation>
    </message>
    <message>
        <source>{label} ({field}) is {size}.</source>
        <translation>{label} ({field}) est {size}.</translation>
    </message>
    <message>
        <source>{n:,} cell changed</source>
        <translation>{n:,} cellule modifiée</translation>
    </message>
    <message>
        <source>{n:,} cell is longer than Excel&apos;s 32,767-character limit (cut, ending in a marker)</source>
        <translation>{n:,}&#xa0;cellule dépasse la limite de 32&#xa0;767&#xa0;caractères d’Excel (coupée, terminée par une marque)</translation>
    </message>
    <message>
        <source>{n:,} cell is longer than Excel&apos;s 32,767-character limit (kept whole; Excel would cut them)</source>
        <translation>{n:,}&#xa0;cellule dépasse la limite de 32&#xa0;767&#xa0;caractères d’Excel (conservée entière&#xa0;; Excel la couperait)</translation>
    </message>
    <message>
        <source>{n:,} cells are longer than Excel&apos;s 32,767-character limit (cut, ending in a marker)</source>
        <translation>{n:,}&#xa0;cellules dépassent la limite de 32&#xa0;767&#xa0;caractères d’Excel (coupées, terminées par une marque)</translation>
    </message>
    <message>
        <source>{n:,} cells are longer than Excel&apos;s 32,767-character limit (kept whole; Excel would cut them)</source>
        <translation>{n:,}&#xa0;cellules dépassent la limite de 32&#xa0;767&#xa0;caractères d’Excel (conservées entières&#xa0;; Excel les couperait)</translation>
    </message>
    <message>
        <source>{n:,} cells changed</source>
        <translation>{n:,} cellules modifiées</translation>
    </message>
    <message>
        <source>{n:,} error</source>
        <translation>{n:,} erreur</translation>
    </message>
    <message>
        <source>{n:,} error in one sync</source>
        <translation>{n:,} erreur en une synchronisation</translation>
    </message>
    <message>
        <source>{n:,} errors</source>
        <translation>{n:,} erreurs</translation>
    </message>
    <message>
        <source>{n:,} errors in one sync</source>
        <translation>{n:,} erreurs en une synchronisation</translation>
    </message>
    <message>
        <source>{n:,} row dropped</source>
        <translation>{n:,} ligne retirée</translation>
    </message>
    <message>
        <source>{n:,} row have no {key}: Salesforce will refuse them.</source>
        <translation>{n:,} ligne n’a pas de {key}&#xa0;: Salesforce la refusera.</translation>
    </message>
    <message>
        <source>{n:,} row still miss a required value ({fields}).</source>
        <translation>Il manque encore une valeur obligatoire ({fields}) à {n:,} ligne.</translation>
    </message>
    <message>
        <source>{n:,} row to {operation} into {object}</source>
        <translation>{n:,} ligne à charger dans {object} par {operation}</translation>
    </message>
    <message>
        <source>{n:,} row to {operation} into {object} on {external_id}</source>
        <translation>{n:,} ligne à charger dans {object} par {operation} sur {external_id}</translation>
    </message>
    <message>
        <source>{n:,} rows dropped</source>
        <translation>{n:,} lignes retirées</translation>
    </message>
    <message>
        <source>{n:,} rows have no {key}: Salesforce will refuse them.</source>
        <translation>{n:,} lignes n’ont pas de {key}&#xa0;: Salesforce les refusera.</translation>
    </message>
    <message>
        <source>{n:,} rows still miss a required value ({fields}).</source>
        <translation>Il manque encore une valeur obligatoire ({fields}) à {n:,} lignes.</translation>
    </message>
    <message>
        <source>{n:,} rows to {operation} into {object}</source>
        <translation>{n:,} lignes à charger dans {object} par {operation}</translation>
    </message>
    <message>
        <source>{n:,} rows to {operation} into {object} on {external_id}</source>
        <translation>{n:,} lignes à charger dans {object} par {operation} sur {external_id}</translation>
    </message>
    <message>
        <source>{name} is open in another program (Excel, for example) or is write-protected, so it could not be replaced. Close it there and export again, or choose another name.</source>
        <translation>{name} est ouvert dans un autre programme (Excel, par exemple) ou protégé en écriture&#xa0;; il n’a donc pas pu être remplacé. Fermez-le dans ce programme et exportez de nouveau, ou choisissez un autre nom.</translation>
    </message>
    <message>
        <source>{path} belongs to another user of this computer.</source>
        <translation>{path} appartient à un autre utilisateur de cet ordinateur.</translation>
    </message>
    <message>
        <source>{path} can be read by other users and could not be made private ({reason}).</source>
        <translation>{path} est lisible par d’autres utilisateurs et n’a pas pu être rendu privé ({reason}).</translation>
    </message>
    <message>
        <source>{path} is a folder: choose a file name.</source>
        <translation>{path} est un dossier&#xa0;: choisissez un nom de fichier.</translation>
    </message>
    <message>
        <source>{path} is a folder: give a file name.</source>
        <translation>{path} est un dossier&#xa0;: indiquez un nom de fichier.</translation>
    </message>
    <message>
        <source>{path} is a link another user of this computer made, so it is not followed: choose another name.</source>
        <translation>{path} est un lien créé par un autre utilisateur de cet ordinateur&#xa0;; il n’est donc pas suivi&#xa0;: choisissez un autre nom.</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a pipe, device or socket), so it is not replaced: choose a file name.</source>
        <translation>{path} n’est pas un fichier ordinaire (un tube, un périphérique ou un socket)&#xa0;; il n’est donc pas remplacé&#xa0;: choisissez un nom de fichier.</translation>
    </message>
    <message>
        <source>{path} is read-only, so it was not replaced: make it writable or choose another name.</source>
        <translation>{path} est en lecture seule&#xa0;; il n’a donc pas été remplacé&#xa0;: rendez-le modifiable ou choisissez un autre nom.</translation>
    </message>
    <message>
        <source>{path} names a folder: give a file name (e.g. {example}.csv).</source>
        <translation>{path} désigne un dossier&#xa0;: indiquez un nom de fichier (par exemple {example}.csv).</translation>
    </message>
    <message>
        <source>{problem} Your session was not sent to it.</source>
        <translation>{problem} Votre session ne lui a pas été envoyée.</translation>
    </message>
    <message>
        <source>{processed:,} of {total:,} rows processed</source>
        <translation>{processed:,} lignes traitées sur {total:,}</translation>
    </message>
    <message>
        <source>{reason} (tried {tries} times)</source>
        <translation>{reason} ({tries}&#xa0;tentatives)</translation>
    </message>
    <message>
        <source>{reason}. Salesforce may have received the request, so it was not sent again; check the org before trying once more</source>
        <translation>{reason}. Salesforce a peut-être reçu la requête&#xa0;; elle n’a donc pas été renvoyée&#xa0;: vérifiez l’organisation avant de réessayer</translation>
    </message>
    <message>
        <source>{rows:,} rows in {files} reload files.</source>
        <translation>{rows:,} lignes dans {files} fichiers de rechargement.</translation>
    </message>
    <message>
        <source>{share:.0f} % of the {total:,} rows with {column} filled{sample} point to {n} record</source>
        <translation>{share:.0f}&#xa0;% des {total:,} lignes où {column} est rempli{sample} pointent vers {n} enregistrement</translation>
    </message>
    <message>
        <source>{share:.0f} % of the {total:,} rows with {column} filled{sample} point to {n} records</source>
        <translation>{share:.0f}&#xa0;% des {total:,} lignes où {column} est rempli{sample} pointent vers {n} enregistrements</translation>
    </message>
    <message>
        <source>{share:.0f} % of the {total:,} rows with {column} filled{sample} point to {n} {object}</source>
        <translation>{share:.0f}&#xa0;% des {total:,} lignes où {column} est rempli{sample} pointent vers {n} {object}</translation>
    </message>
    <message>
        <source>{share:.0f} % of the {total:,} rows with {column} filled{sample} point to {n} {object}s</source>
        <translation>{share:.0f}&#xa0;% des {total:,} lignes où {column} est rempli{sample} pointent vers {n} {object}</translation>
    </message>
    <message>
        <source>{type}, at most {length:,} characters</source>
        <translation>{type}, au plus {length:,} caractères</translation>
    </message>
    <message>
        <source>{type}, {precision} digits, {scale} after the point</source>
        <translation>{type}, {precision} chiffres, dont {scale} après la virgule</translation>
    </message>
    <message>
        <source>“API Enabled” (to create Bulk API jobs)</source>
        <translation>«&#xa0;API activée&#xa0;» (pour créer des tâches Bulk API)</translation>
    </message>
    <message>
        <source>“{domain}” is not a valid login domain (login, test or your My Domain).</source>
        <translation>«&#xa0;{domain}&#xa0;» n’est pas un domaine de connexion valide (login, test ou votre Mon domaine).</translation>
    </message>
    <message>
        <source>“{operation}” is not an operation Salesforce can load ({operations}).</source>
        <translation>«&#xa0;{operation}&#xa0;» n’est pas une opération que Salesforce peut charger ({operations}).</translation>
    </message>
    <message>
        <source>“{text}” is not a proxy address (e.g. http://proxy.example.com:8080).</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas une adresse de proxy (par exemple http://proxy.example.com:8080).</translation>
    </message>
    <message>
        <source>“{url}” is not a login URL. Use an address like https://yourcompany.my.salesforce.com.</source>
        <translation>«&#xa0;{url}&#xa0;» n’est pas une URL de connexion. Utilisez une adresse comme https://yourcompany.my.salesforce.com.</translation>
    </message>
    <message>
        <source>“{url}” is not a valid instance URL (expected https://…).</source>
        <translation>«&#xa0;{url}&#xa0;» n’est pas une URL d’instance valide (attendu&#xa0;: https://…).</translation>
    </message>
    <message>
        <source>“{value}” (an inactive value): {count:,} rows → closest valid value “{closest}”.</source>
        <translation>«&#xa0;{value}&#xa0;» (une valeur inactive)&#xa0;: {count:,} lignes → valeur valide la plus proche «&#xa0;{closest}&#xa0;».</translation>
    </message>
    <message>
        <source>“{value}”: {count:,} rows → closest valid value “{closest}”.</source>
        <translation>«&#xa0;{value}&#xa0;»&#xa0;: {count:,} lignes → valeur valide la plus proche «&#xa0;{closest}&#xa0;».</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>non installé</translation>
    </message>
    <message>
        <source>Reads every error of your org&apos;s data-sync jobs (Bulk API 2.0, Bulk API 1.0, Apex) so you can filter, inspect and export them.</source>
        <translation>Lit toutes les erreurs des tâches de synchronisation de données de votre organisation (Bulk API 2.0, Bulk API 1.0, Apex) pour que vous puissiez les filtrer, les examiner et les exporter.</translation>
    </message>
    <message>
        <source>MIT licence. Qt and PySide6 are used under the LGPL v3 (Help › About Qt); the licences of every bundled package are in THIRD-PARTY-NOTICES.md.</source>
        <translation>Licence MIT. Qt et PySide6 sont utilisés sous la LGPL v3 (Aide › À propos de Qt)&#xa0;; les licences de chaque paquet fourni sont dans THIRD-PARTY-NOTICES.md.</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>À propos de {app}</translation>
    </message>
    <message>
        <source>an unfinished sync</source>
        <translation>une synchronisation inachevée</translation>
    </message>
    <message>
        <source>Showing the archive from {when}; log in to sync</source>
        <translation>Affichage de l’archive du {when}&#xa0;; connectez-vous pour synchroniser</translation>
    </message>
    <message>
        <source>read the error archive</source>
        <translation>lire l’archive des erreurs</translation>
    </message>
    <message>
        <source>&amp;Archive…</source>
        <translation>&amp;Archive…</translation>
    </message>
    <message>
        <source>Where the error archive is, how big, how long errors are kept; purge</source>
        <translation>Emplacement et taille de l’archive des erreurs, durée de conservation&#xa0;; purge</translation>
    </message>
    <message>
        <source>Month (failed)</source>
        <translation>Mois (de l’échec)</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Errors size</source>
        <translation>Taille des erreurs</translation>
    </message>
    <message>
        <source>Input rows size</source>
        <translation>Taille des lignes d’entrée</translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln octet</numerusform>
            <numerusform>%Ln octets</numerusform>
        </translation>
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
        <source>unknown</source>
        <comment>month</comment>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Error archive</source>
        <translation>Archive des erreurs</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Keep errors for (days)</source>
        <translation>Conserver les erreurs pendant (jours)</translation>
    </message>
    <message>
        <source>&amp;Purge now</source>
        <translation>&amp;Purger maintenant</translation>
    </message>
    <message>
        <source>Delete archived errors that failed longer ago than the days above</source>
        <translation>Supprimer les erreurs archivées survenues avant le nombre de jours ci-dessus</translation>
    </message>
    <message>
        <source>Drop input rows older than (days)</source>
        <translation>Supprimer les lignes d’entrée de plus de (jours)</translation>
    </message>
    <message>
        <source>&amp;Drop input rows</source>
        <translation>Supprimer les &amp;lignes d’entrée</translation>
    </message>
    <message>
        <source>Keep the errors but forget the failed input rows of errors older than the days shown</source>
        <translation>Garder les erreurs mais oublier les lignes d’entrée en échec des erreurs plus anciennes que le nombre de jours indiqué</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Emplacement&#xa0;:</translation>
    </message>
    <message>
        <source>Size on disk:</source>
        <translation>Taille sur le disque&#xa0;:</translation>
    </message>
    <message>
        <source>Errors archived:</source>
        <translation>Erreurs archivées&#xa0;:</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>Dernière synchronisation&#xa0;:</translation>
    </message>
    <message>
        <source>Keep errors for:</source>
        <translation>Conserver les erreurs pendant&#xa0;:</translation>
    </message>
    <message>
        <source>Drop input rows older than:</source>
        <translation>Supprimer les lignes d’entrée de plus de&#xa0;:</translation>
    </message>
    <message>
        <source>Errors older than the days kept are deleted at every start of the app.</source>
        <translation>Les erreurs plus anciennes que la durée de conservation sont supprimées à chaque démarrage de l’application.</translation>
    </message>
    <message>
        <source>Reloads</source>
        <translation>Rechargements</translation>
    </message>
    <message>
        <source>No data folder</source>
        <translation>Aucun dossier de données</translation>
    </message>
    <message>
        <source>No archive yet for this org: log in and sync to start one.</source>
        <translation>Pas encore d’archive pour cette organisation&#xa0;: connectez-vous et synchronisez pour en créer une.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Nothing to purge now (no archive, or a sync or a purge is running).</source>
        <translation>Rien à purger pour l’instant (pas d’archive, ou une synchronisation ou une purge est en cours).</translation>
    </message>
    <message numerus="yes">
        <source>Deleting errors older than %Ln day(s)…</source>
        <translation>
            <numerusform>Suppression des erreurs de plus de %Ln jour…</numerusform>
            <numerusform>Suppression des erreurs de plus de %Ln jours…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to shrink now (no archive, or a sync or a purge is running).</source>
        <translation>Rien à réduire pour l’instant (pas d’archive, ou une synchronisation ou une purge est en cours).</translation>
    </message>
    <message numerus="yes">
        <source>Dropping the input rows of errors older than %Ln day(s)…</source>
        <translation>
            <numerusform>Suppression des lignes d’entrée des erreurs de plus de %Ln jour…</numerusform>
            <numerusform>Suppression des lignes d’entrée des erreurs de plus de %Ln jours…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping after the part in hand…</source>
        <translation>Arrêt après la partie en cours…</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln archived error(s).</source>
        <translation>
            <numerusform>%Ln erreur archivée supprimée.</numerusform>
            <numerusform>%Ln erreurs archivées supprimées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was old enough to delete.</source>
        <translation>Rien n’était assez ancien pour être supprimé.</translation>
    </message>
    <message numerus="yes">
        <source>Dropped the input rows of %Ln archived error(s); the errors are kept.</source>
        <translation>
            <numerusform>Lignes d’entrée de %Ln erreur archivée supprimées&#xa0;; l’erreur est conservée.</numerusform>
            <numerusform>Lignes d’entrée de %Ln erreurs archivées supprimées&#xa0;; les erreurs sont conservées.</numerusform>
        </translation>
    </message>
    <message>
        <source>No input rows were old enough to drop.</source>
        <translation>Aucune ligne d’entrée n’était assez ancienne pour être supprimée.</translation>
    </message>
    <message>
        <source>Rows marked ● in the New column: their error type, object and source ID first failed after your last visit</source>
        <translation>Lignes marquées ● dans la colonne Nouveau&#xa0;: leur type d’erreur, objet et ID source ont échoué pour la première fois après votre dernière visite</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new since your last visit</source>
        <translation>
            <numerusform>%Ln nouvelle depuis votre dernière visite</numerusform>
            <numerusform>%Ln nouvelles depuis votre dernière visite</numerusform>
        </translation>
    </message>
    <message>
        <source>Archive not used: {reason}</source>
        <translation>Archive non utilisée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The app works without the archive: syncs show what Salesforce still holds.</source>
        <translation>L’application fonctionne sans l’archive&#xa0;: les synchronisations montrent ce que Salesforce conserve encore.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Org</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Job ID</source>
        <translation>ID de tâche</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>{operation} on {field}</source>
        <translation>{operation} sur {field}</translation>
    </message>
    <message>
        <source>production</source>
        <translation>production</translation>
    </message>
    <message>
        <source>sandbox</source>
        <translation>sandbox</translation>
    </message>
    <message>
        <source>Pending: looked up at the next login</source>
        <translation>En attente&#xa0;: vérifié à la prochaine connexion</translation>
    </message>
    <message numerus="yes">
        <source>%Ln succeeded</source>
        <translation>
            <numerusform>%Ln réussie</numerusform>
            <numerusform>%Ln réussies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln en échec</numerusform>
            <numerusform>%Ln en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unprocessed</source>
        <translation>
            <numerusform>%Ln non traitée</numerusform>
            <numerusform>%Ln non traitées</numerusform>
        </translation>
    </message>
    <message>
        <source>{state}: {counts}</source>
        <translation>{state}&#xa0;: {counts}</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>Something went wrong. The app can usually continue; if this keeps happening, copy the report below into a ticket.</source>
        <translation>Un problème est survenu. L’application peut en général continuer&#xa0;; si cela se reproduit, copiez le rapport ci-dessous dans un ticket.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>CSV for Excel: UTF-8 with BOM, your locale&apos;s separator (*.csv)</source>
        <translation>CSV pour Excel&#xa0;: UTF-8 avec BOM, le séparateur de vos paramètres régionaux (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>There are no rows to export.</source>
        <translation>Il n’y a aucune ligne à exporter.</translation>
    </message>
    <message>
        <source>Replace a read-only file?</source>
        <translation>Remplacer un fichier en lecture seule&#xa0;?</translation>
    </message>
    <message>
        <source>{path} is read-only. Replace it anyway? It stays read-only afterwards.</source>
        <translation>{path} est en lecture seule. Le remplacer quand même&#xa0;? Il restera en lecture seule ensuite.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>Exportation vers {path}…</translation>
    </message>
    <message>
        <source>export the rows</source>
        <translation>exporter les lignes</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln error(s) to {path}</source>
        <translation>
            <numerusform>%Ln erreur exportée vers {path}</numerusform>
            <numerusform>%Ln erreurs exportées vers {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Exportation terminée</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln error(s) to
{path}</source>
        <translation>
            <numerusform>%Ln erreur exportée vers
{path}</numerusform>
            <numerusform>%Ln erreurs exportées vers
{path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Échec de l’exportation&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’exportation</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>le fichier</translation>
    </message>
    <message>
        <source>its folder</source>
        <translation>son dossier</translation>
    </message>
    <message>
        <source>Your time window is kept; the default window now starts {start} (Reset under Filters uses it).</source>
        <translation>Votre période est conservée&#xa0;; la période par défaut commence désormais le {start} (Réinitialiser, sous Filtres, l’utilise).</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Failed On</source>
        <translation>Échec de</translation>
    </message>
    <message>
        <source>Error Type</source>
        <translation>Type d’erreur</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>First Seen</source>
        <translation>Première occurrence</translation>
    </message>
    <message>
        <source>Last Seen</source>
        <translation>Dernière occurrence</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Tendance</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Conseil</translation>
    </message>
    <message>
        <source>New</source>
        <comment>group state</comment>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <comment>group state</comment>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Resolved</source>
        <comment>group state</comment>
        <translation>Résolu</translation>
    </message>
    <message>
        <source>Ignored</source>
        <comment>group state</comment>
        <translation>Ignoré</translation>
    </message>
    <message>
        <source>Regressed</source>
        <comment>group state</comment>
        <translation>Réapparu</translation>
    </message>
    <message>
        <source>Errors per day over the dates shown</source>
        <translation>Erreurs par jour sur les dates affichées</translation>
    </message>
    <message>
        <source>Grouping…</source>
        <translation>Regroupement…</translation>
    </message>
    <message>
        <source>group the errors</source>
        <translation>regrouper les erreurs</translation>
    </message>
    <message>
        <source>Could not group the errors: {reason}</source>
        <translation>Impossible de regrouper les erreurs&#xa0;: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln groupe</numerusform>
            <numerusform>%Ln groupes</numerusform>
        </translation>
    </message>
    <message>
        <source>{groups} ({ignored} ignored, hidden)</source>
        <translation>{groups} ({ignored} ignorés, masqués)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s) shown below</source>
        <translation>
            <numerusform>%Ln erreur affichée ci-dessous</numerusform>
            <numerusform>%Ln erreurs affichées ci-dessous</numerusform>
        </translation>
    </message>
    <message>
        <source>{groups}; {selected} selected: {errors}</source>
        <translation>{groups}&#xa0;; {selected} sélectionnés&#xa0;: {errors}</translation>
    </message>
    <message>
        <source>{groups} — select groups to see only their errors below</source>
        <translation>{groups} — sélectionnez des groupes pour ne voir que leurs erreurs ci-dessous</translation>
    </message>
    <message>
        <source>Could not change the group</source>
        <translation>Impossible de modifier le groupe</translation>
    </message>
    <message>
        <source>(no code)</source>
        <translation>(aucun code)</translation>
    </message>
    <message>
        <source>{code} on {object}</source>
        <translation>{code} sur {object}</translation>
    </message>
    <message>
        <source>Show ignored</source>
        <translation>Afficher les ignorés</translation>
    </message>
    <message>
        <source>Also list the groups you ignored</source>
        <translation>Lister aussi les groupes que vous avez ignorés</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;Résoudre</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation>&amp;Ignorer</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>R&amp;ouvrir</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Search online</source>
        <translation>Rechercher en &amp;ligne</translation>
    </message>
    <message>
        <source>E&amp;xport these errors…</source>
        <translation>E&amp;xporter ces erreurs…</translation>
    </message>
    <message>
        <source>The cause is fixed: mark it resolved (it shows as Regressed if it fails again)</source>
        <translation>La cause est corrigée&#xa0;: la marquer comme résolue (elle s’affiche comme Réapparu si elle échoue de nouveau)</translation>
    </message>
    <message>
        <source>Mute this cause: hidden unless Show ignored is on</source>
        <translation>Masquer cette cause&#xa0;: cachée sauf si Afficher les ignorés est coché</translation>
    </message>
    <message>
        <source>Other groups</source>
        <translation>Autres groupes</translation>
    </message>
    <message>
        <source>No errors in the dates shown</source>
        <translation>Aucune erreur sur les dates affichées</translation>
    </message>
    <message numerus="yes">
        <source>%Ln a day at most</source>
        <translation>
            <numerusform>%Ln par jour au plus</numerusform>
            <numerusform>%Ln par jour au plus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s) on {day} (UTC)</source>
        <translation>
            <numerusform>%Ln erreur le {day} (UTC)</numerusform>
            <numerusform>%Ln erreurs le {day} (UTC)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the cause from the org…</source>
        <translation>Lecture de la cause dans l’organisation…</translation>
    </message>
    <message>
        <source>Select one group to see why it failed.</source>
        <translation>Sélectionnez un groupe pour voir pourquoi il a échoué.</translation>
    </message>
    <message>
        <source>No diagnosis was read for this group yet: log in to read it from the org.</source>
        <translation>Aucun diagnostic n’a encore été lu pour ce groupe&#xa0;: connectez-vous pour le lire dans l’organisation.</translation>
    </message>
    <message>
        <source>from the org</source>
        <translation>dans l’organisation</translation>
    </message>
    <message>
        <source>from the archive (offline)</source>
        <translation>dans l’archive (hors ligne)</translation>
    </message>
    <message>
        <source>read the diagnosis</source>
        <translation>lire le diagnostic</translation>
    </message>
    <message>
        <source>Could not read the diagnosis: {reason}</source>
        <translation>Impossible de lire le diagnostic&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Select one group to see why it failed, read from the org&apos;s own metadata.</source>
        <translation>Sélectionnez un groupe pour voir pourquoi il a échoué, d’après les métadonnées de l’organisation.</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Read {where} at {time}</source>
        <translation>Lu {where} le {time}</translation>
    </message>
    <message>
        <source>Suggested fix: {fix}</source>
        <translation>Correction suggérée&#xa0;: {fix}</translation>
    </message>
    <message>
        <source>No fix to suggest: see the lines above.</source>
        <translation>Aucune correction à suggérer&#xa0;: voir les lignes ci-dessus.</translation>
    </message>
    <message>
        <source>Log in to open it in the org</source>
        <translation>Connectez-vous pour l’ouvrir dans l’organisation</translation>
    </message>
    <message>
        <source>Salesforce Sync Errors</source>
        <translation>Erreurs de synchronisation Salesforce</translation>
    </message>
    <message>
        <source>The window will be in French the next time the app starts.</source>
        <translation>La fenêtre sera en français au prochain démarrage de l’application.</translation>
    </message>
    <message>
        <source>The window will be in English the next time the app starts.</source>
        <translation>La fenêtre sera en anglais au prochain démarrage de l’application.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>Langue du &amp;système</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Redémarrer maintenant</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>No web browser could be opened for {what} on this computer. Copy the link and paste it into a browser yourself:

{url}</source>
        <translation>Aucun navigateur n’a pu être ouvert sur cet ordinateur pour {what}. Copiez le lien et collez-le vous-même dans un navigateur&#xa0;:

{url}</translation>
    </message>
    <message>
        <source>Could not open the link</source>
        <translation>Impossible d’ouvrir le lien</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Copied the link to the clipboard.</source>
        <translation>Lien copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>No program on this computer could open {what}. Copy its path to open it yourself:

{path}</source>
        <translation>Aucun programme de cet ordinateur n’a pu ouvrir {what}. Copiez son chemin pour l’ouvrir vous-même&#xa0;:

{path}</translation>
    </message>
    <message>
        <source>Could not open</source>
        <translation>Ouverture impossible</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Copier le chemin</translation>
    </message>
    <message>
        <source>Copied the path to the clipboard.</source>
        <translation>Chemin copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Production (login.salesforce.com)</source>
        <translation>Production (login.salesforce.com)</translation>
    </message>
    <message>
        <source>Sandbox (test.salesforce.com)</source>
        <translation>Sandbox (test.salesforce.com)</translation>
    </message>
    <message>
        <source>My Domain URL</source>
        <translation>URL de Mon domaine</translation>
    </message>
    <message>
        <source>Checking this computer&apos;s keyring for “Remember me”…</source>
        <translation>Vérification du trousseau de cet ordinateur pour «&#xa0;Se souvenir de moi&#xa0;»…</translation>
    </message>
    <message>
        <source>Log in with browser</source>
        <translation>Se connecter avec le navigateur</translation>
    </message>
    <message>
        <source>Log in on Salesforce&apos;s own page in your browser. This is the way that keeps working after Salesforce retires password login. Your admin sets up an External Client App with the callback URL http://localhost:&lt;port&gt;/OauthRedirect and gives you its client id.</source>
        <translation>Connectez-vous sur la page de Salesforce elle-même, dans votre navigateur. C’est le moyen qui continuera de fonctionner quand Salesforce retirera la connexion par mot de passe. Votre administrateur configure une application client externe avec l’URL de rappel http://localhost:&lt;port&gt;/OauthRedirect et vous donne son ID client.</translation>
    </message>
    <message>
        <source>Consumer Key of your External Client App</source>
        <translation>Clé du consommateur de votre application client externe</translation>
    </message>
    <message>
        <source>Remember me (keeps the login in this computer&apos;s keyring)</source>
        <translation>Se souvenir de moi (garde la connexion dans le trousseau de cet ordinateur)</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Environnement&#xa0;:</translation>
    </message>
    <message>
        <source>My Domain URL:</source>
        <translation>URL de Mon domaine&#xa0;:</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>ID client&#xa0;:</translation>
    </message>
    <message>
        <source>Callback port:</source>
        <translation>Port de rappel&#xa0;:</translation>
    </message>
    <message>
        <source>Browser URL:</source>
        <translation>URL pour le navigateur&#xa0;:</translation>
    </message>
    <message>
        <source>check the keyring</source>
        <translation>vérifier le trousseau</translation>
    </message>
    <message>
        <source>Enter your My Domain URL (e.g. https://yourcompany.my.salesforce.com).</source>
        <translation>Saisissez l’URL de votre Mon domaine (par ex. https://yourcompany.my.salesforce.com).</translation>
    </message>
    <message>
        <source>Enter the client id (Consumer Key) of your External Client App.</source>
        <translation>Saisissez l’ID client (clé du consommateur) de votre application client externe.</translation>
    </message>
    <message>
        <source>log in with the browser</source>
        <translation>se connecter avec le navigateur</translation>
    </message>
    <message>
        <source>No browser opened: the login URL is on the clipboard. Paste it into your browser&apos;s address bar and log in there.</source>
        <translation>Aucun navigateur ne s’est ouvert&#xa0;: l’URL de connexion est dans le presse-papiers. Collez-la dans la barre d’adresse de votre navigateur et connectez-vous.</translation>
    </message>
    <message>
        <source>Login cancelled.</source>
        <translation>Connexion annulée.</translation>
    </message>
    <message>
        <source>Logged in as {username}.</source>
        <translation>Connecté en tant que {username}.</translation>
    </message>
    <message>
        <source>Waiting for you to log in in your browser… If Salesforce shows redirect_uri_mismatch, the callback port differs from your External Client App&apos;s callback URL.</source>
        <translation>En attente de votre connexion dans le navigateur… Si Salesforce affiche redirect_uri_mismatch, le port de rappel diffère de l’URL de rappel de votre application client externe.</translation>
    </message>
    <message>
        <source>URL copied: paste it into your browser&apos;s address bar.</source>
        <translation>URL copiée&#xa0;: collez-la dans la barre d’adresse de votre navigateur.</translation>
    </message>
    <message>
        <source>Log in — {app}</source>
        <translation>Connexion — {app}</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>log in</source>
        <translation>se connecter</translation>
    </message>
    <message>
        <source>Custom domain (My Domain)</source>
        <translation>Domaine personnalisé (Mon domaine)</translation>
    </message>
    <message>
        <source>Demo org</source>
        <translation>Organisation de démonstration</translation>
    </message>
    <message>
        <source>Try the app without a Salesforce org: a Salesforce-compatible server starts on this computer (loopback only) with realistic sample errors, and you are logged in as its admin.</source>
        <translation>Essayez l’application sans organisation Salesforce&#xa0;: un serveur compatible Salesforce démarre sur cet ordinateur (en local uniquement) avec des exemples d’erreurs réalistes, et vous êtes connecté comme son administrateur.</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Jeton d’accès</translation>
    </message>
    <message>
        <source>Paste the instance URL and an access token, e.g. from the Salesforce CLI: sf org display --target-org &lt;alias&gt; --verbose. The token is used for this session only and is never saved.</source>
        <translation>Collez l’URL d’instance et un jeton d’accès, par ex. obtenus avec Salesforce CLI&#xa0;: sf org display --target-org &lt;alias&gt; --verbose. Le jeton ne sert que pour cette session et n’est jamais enregistré.</translation>
    </message>
    <message>
        <source>Instance URL:</source>
        <translation>URL d’instance&#xa0;:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Jeton d’accès&#xa0;:</translation>
    </message>
    <message>
        <source>Enter the instance URL.</source>
        <translation>Saisissez l’URL d’instance.</translation>
    </message>
    <message>
        <source>Enter the access token.</source>
        <translation>Saisissez le jeton d’accès.</translation>
    </message>
    <message>
        <source>Username and password</source>
        <translation>Nom d’utilisateur et mot de passe</translation>
    </message>
    <message>
        <source>Legacy: Salesforce retires password login in 2027, and new orgs have it turned off. Prefer logging in with the browser or a token.</source>
        <translation>Ancienne méthode&#xa0;: Salesforce retire la connexion par mot de passe en 2027, et elle est désactivée dans les nouvelles organisations. Préférez la connexion par navigateur ou par jeton.</translation>
    </message>
    <message>
        <source>optional when your IP is trusted</source>
        <translation>facultatif si votre adresse IP est approuvée</translation>
    </message>
    <message>
        <source>yourcompany.my  or  https://yourcompany.my.salesforce.com</source>
        <translation>votreentreprise.my  ou  https://votreentreprise.my.salesforce.com</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Nom d’utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Security token:</source>
        <translation>Jeton de sécurité&#xa0;:</translation>
    </message>
    <message>
        <source>My Domain:</source>
        <translation>Mon domaine&#xa0;:</translation>
    </message>
    <message>
        <source>Enter the username.</source>
        <translation>Saisissez le nom d’utilisateur.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Saisissez le mot de passe.</translation>
    </message>
    <message>
        <source>Enter your My Domain (e.g. yourcompany.my).</source>
        <translation>Saisissez votre Mon domaine (par ex. votreentreprise.my).</translation>
    </message>
    <message>
        <source>Logged out on this computer, but Salesforce could not be told to end the login: {reason}</source>
        <translation>Déconnecté sur cet ordinateur, mais Salesforce n’a pas pu être prévenu de mettre fin à la connexion&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>end the login at Salesforce</source>
        <translation>mettre fin à la connexion chez Salesforce</translation>
    </message>
    <message>
        <source>Logged out: the login was ended at Salesforce and removed from this computer.</source>
        <translation>Déconnecté&#xa0;: la connexion a pris fin chez Salesforce et a été supprimée de cet ordinateur.</translation>
    </message>
    <message>
        <source>Logged out.</source>
        <translation>Déconnecté.</translation>
    </message>
    <message>
        <source>Advanced: certificate and proxy</source>
        <translation>Avancé&#xa0;: certificat et proxy</translation>
    </message>
    <message>
        <source>PEM file of your company&apos;s root certificate (optional)</source>
        <translation>Fichier PEM du certificat racine de votre entreprise (facultatif)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>http://proxy.example.com:8080 (empty: the system&apos;s)</source>
        <translation>http://proxy.example.com:8080 (vide&#xa0;: celui du système)</translation>
    </message>
    <message>
        <source>Trust this certificate:</source>
        <translation>Faire confiance à ce certificat&#xa0;:</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Proxy&#xa0;:</translation>
    </message>
    <message>
        <source>The certificate file {path} does not exist.</source>
        <translation>Le fichier de certificat {path} n’existe pas.</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Faire confiance à ce certificat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Check the address and that this computer is online; behind a company proxy, set the proxy under Advanced.</source>
        <translation>Vérifiez l’adresse et que cet ordinateur est en ligne&#xa0;; derrière un proxy d’entreprise, indiquez le proxy sous Avancé.</translation>
    </message>
    <message>
        <source>Check the address: it is your org&apos;s, like https://yourcompany.my.salesforce.com.</source>
        <translation>Vérifiez l’adresse&#xa0;: c’est celle de votre organisation, comme https://yourcompany.my.salesforce.com.</translation>
    </message>
    <message>
        <source>Try again; if it happens again, the app&apos;s log file has the details: {log}</source>
        <translation>Réessayez&#xa0;; si cela se reproduit, le fichier journal de l’application donne les détails&#xa0;: {log}</translation>
    </message>
    <message>
        <source>see Help › About for the version</source>
        <translation>voir Aide › À propos pour la version</translation>
    </message>
    <message>
        <source>Check the address, or log in another way.</source>
        <translation>Vérifiez l’adresse, ou connectez-vous autrement.</translation>
    </message>
    <message>
        <source>Try again within the login hours, or ask an admin.</source>
        <translation>Réessayez pendant les heures de connexion, ou demandez à un administrateur.</translation>
    </message>
    <message>
        <source>Log in from the company network, or ask an admin.</source>
        <translation>Connectez-vous depuis le réseau de l’entreprise, ou demandez à un administrateur.</translation>
    </message>
    <message>
        <source>Log in as a user who has it, or ask an admin to grant it.</source>
        <translation>Connectez-vous avec un utilisateur qui l’a, ou demandez à un administrateur de l’accorder.</translation>
    </message>
    <message>
        <source>Log in to an org of one of these editions.</source>
        <translation>Connectez-vous à une organisation de l’une de ces éditions.</translation>
    </message>
    <message>
        <source>Logging in with your saved login…</source>
        <translation>Connexion avec votre connexion enregistrée…</translation>
    </message>
    <message>
        <source>Logging in with your saved login did not work. {reason}</source>
        <translation>La connexion avec votre connexion enregistrée n’a pas fonctionné. {reason}</translation>
    </message>
    <message>
        <source>log in with your saved login</source>
        <translation>se connecter avec votre connexion enregistrée</translation>
    </message>
    <message>
        <source>Logged in as {username} with your saved login.</source>
        <translation>Connecté en tant que {username} avec votre connexion enregistrée.</translation>
    </message>
    <message>
        <source>Logging out…</source>
        <translation>Déconnexion…</translation>
    </message>
    <message>
        <source>log out</source>
        <translation>se déconnecter</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Log in…</source>
        <translation>Se &amp;connecter…</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Sync &amp;problems…</source>
        <translation>&amp;Problèmes de synchronisation…</translation>
    </message>
    <message>
        <source>&amp;Search errors</source>
        <translation>&amp;Rechercher des erreurs</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>Syncing… (Esc cancels)</source>
        <translation>Synchronisation… (Échap pour annuler)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Sync failed: {reason}</source>
        <translation>Échec de la synchronisation&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Échec de la synchronisation</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Check every value</source>
        <translation>Cocher toutes les valeurs</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Uncheck every value</source>
        <translation>Décocher toutes les valeurs</translation>
    </message>
    <message>
        <source>Select an error to see its details.</source>
        <translation>Sélectionnez une erreur pour en voir les détails.</translation>
    </message>
    <message>
        <source>Salesforce ID</source>
        <translation>ID Salesforce</translation>
    </message>
    <message>
        <source>Source ID</source>
        <translation>ID source</translation>
    </message>
    <message>
        <source>Batch ID</source>
        <translation>ID de lot</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Créée par</translation>
    </message>
    <message>
        <source>In UTC</source>
        <translation>En UTC</translation>
    </message>
    <message>
        <source>Copy the Salesforce ID</source>
        <translation>Copier l’ID Salesforce</translation>
    </message>
    <message>
        <source>Copied the Salesforce ID to the clipboard.</source>
        <translation>ID Salesforce copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Copy the Source ID</source>
        <translation>Copier l’ID source</translation>
    </message>
    <message>
        <source>Copied the Source ID to the clipboard.</source>
        <translation>ID source copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Copy the Job ID</source>
        <translation>Copier l’ID de tâche</translation>
    </message>
    <message>
        <source>Copied the Job ID to the clipboard.</source>
        <translation>ID de tâche copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Copy the error details</source>
        <translation>Copier les détails de l’erreur</translation>
    </message>
    <message>
        <source>Copied the error details to the clipboard.</source>
        <translation>Détails de l’erreur copiés dans le presse-papiers.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolu</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignoré</translation>
    </message>
    <message>
        <source>Regressed</source>
        <translation>Réapparu</translation>
    </message>
    <message>
        <source>Job state: {state}</source>
        <translation>État de la tâche&#xa0;: {state}</translation>
    </message>
    <message>
        <source>Reloaded in job {job}</source>
        <translation>Rechargée dans la tâche {job}</translation>
    </message>
    <message>
        <source>Reload of an error of job {job}</source>
        <translation>Rechargement d’une erreur de la tâche {job}</translation>
    </message>
    <message>
        <source>{errors} on {records} in {jobs}</source>
        <comment>a group&apos;s counts: N errors on N records in N jobs</comment>
        <translation>{errors} sur {records} dans {jobs}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln erreur</numerusform>
            <numerusform>%Ln erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln enregistrement</numerusform>
            <numerusform>%Ln enregistrements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln job(s)</source>
        <translation>
            <numerusform>%Ln tâche</numerusform>
            <numerusform>%Ln tâches</numerusform>
        </translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Search online</source>
        <translation>Rechercher en ligne</translation>
    </message>
    <message>
        <source>Search the web for this error&apos;s code (and Salesforce&apos;s standard wording; no customer data)</source>
        <translation>Rechercher sur le Web le code de cette erreur (et le texte standard de Salesforce&#xa0;; aucune donnée client)</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Copier le message</translation>
    </message>
    <message>
        <source>Record and job</source>
        <translation>Enregistrement et tâche</translation>
    </message>
    <message>
        <source>Open the record in Salesforce</source>
        <translation>Ouvrir l’enregistrement dans Salesforce</translation>
    </message>
    <message>
        <source>Open the job&apos;s page in Setup</source>
        <translation>Ouvrir la page de la tâche dans la Configuration</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}&#xa0;:</translation>
    </message>
    <message>
        <source>What usually causes this</source>
        <translation>Causes habituelles</translation>
    </message>
    <message>
        <source>Failed input row</source>
        <translation>Ligne d’entrée en échec</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>(no error code)</source>
        <translation>(pas de code d’erreur)</translation>
    </message>
    <message>
        <source>Fields: {fields}</source>
        <translation>Champs&#xa0;: {fields}</translation>
    </message>
    <message>
        <source>No advice for this code yet. &lt;i&gt;Search online&lt;/i&gt; finds what other admins did (no customer data is sent).</source>
        <translation>Pas encore de conseil pour ce code. &lt;i&gt;Rechercher en ligne&lt;/i&gt; trouve ce qu’ont fait d’autres administrateurs (aucune donnée client n’est envoyée).</translation>
    </message>
    <message>
        <source>Where to fix:</source>
        <translation>Où corriger&#xa0;:</translation>
    </message>
    <message>
        <source>(raw)</source>
        <translation>(brut)</translation>
    </message>
    <message>
        <source>the record</source>
        <translation>l’enregistrement</translation>
    </message>
    <message>
        <source>the job&apos;s page in Setup</source>
        <translation>la page de la tâche dans la Configuration</translation>
    </message>
    <message>
        <source>the web search</source>
        <translation>la recherche sur le Web</translation>
    </message>
    <message>
        <source>search “{text}”</source>
        <translation>recherche «&#xa0;{text}&#xa0;»</translation>
    </message>
    <message>
        <source>level</source>
        <translation>niveau</translation>
    </message>
    <message>
        <source>error types</source>
        <translation>types d’erreur</translation>
    </message>
    <message>
        <source>objects</source>
        <translation>objets</translation>
    </message>
    <message>
        <source>time window</source>
        <translation>période</translation>
    </message>
    <message>
        <source>No errors match the filter</source>
        <translation>Aucune erreur ne correspond au filtre</translation>
    </message>
    <message>
        <source>Reset filter</source>
        <translation>Réinitialiser le filtre</translation>
    </message>
    <message numerus="yes">
        <source>All %Ln error(s) are hidden by: {parts}.</source>
        <translation>
            <numerusform>%Ln erreur est masquée par&#xa0;: {parts}.</numerusform>
            <numerusform>Les %Ln erreurs sont masquées par&#xa0;: {parts}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln error(s) are hidden.</source>
        <translation>
            <numerusform>%Ln erreur est masquée.</numerusform>
            <numerusform>Les %Ln erreurs sont masquées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <source>Error types</source>
        <translation>Types d’erreur</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objets</translation>
    </message>
    <message>
        <source>Failure date/time (local)</source>
        <translation>Date/heure de l’échec (heure locale)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Uncheck for no &apos;from&apos; limit</source>
        <translation>Décochez pour ne pas fixer de début</translation>
    </message>
    <message>
        <source>From date and time</source>
        <translation>Date et heure de début</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Uncheck for no &apos;to&apos; limit</source>
        <translation>Décochez pour ne pas fixer de fin</translation>
    </message>
    <message>
        <source>To date and time</source>
        <translation>Date et heure de fin</translation>
    </message>
    <message>
        <source>Failed on</source>
        <translation>Échec de</translation>
    </message>
    <message>
        <source>Search messages and IDs…</source>
        <translation>Rechercher dans les messages et les ID…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Case-insensitive; looks in error details, type, fields, object and IDs</source>
        <translation>Sans tenir compte de la casse&#xa0;; cherche dans les détails, le type, les champs, l’objet et les ID de l’erreur</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Back to the default time window, every level, type and object</source>
        <translation>Revenir à la période par défaut, avec tous les niveaux, types et objets</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Sync problems</source>
        <translation>Problèmes de synchronisation</translation>
    </message>
    <message>
        <source>(job list)</source>
        <translation>(liste des tâches)</translation>
    </message>
    <message>
        <source>(whole sync)</source>
        <translation>(toute la synchronisation)</translation>
    </message>
    <message>
        <source>The last sync read every other job. These could not be read; their errors are missing from the table until a later sync reads them:</source>
        <translation>La dernière synchronisation a lu toutes les autres tâches. Celles-ci n’ont pas pu être lues&#xa0;; leurs erreurs manquent dans le tableau jusqu’à ce qu’une synchronisation ultérieure les lise&#xa0;:</translation>
    </message>
    <message>
        <source>The last sync read every job.</source>
        <translation>La dernière synchronisation a lu toutes les tâches.</translation>
    </message>
    <message>
        <source>12,345 of at least 12,345 jobs · 9,999,999 rows</source>
        <comment>a sample: it sizes the progress text</comment>
        <translation>12&#x202f;345 sur au moins 12&#x202f;345 tâches · 9&#x202f;999&#x202f;999 lignes</translation>
    </message>
    <message>
        <source>Stop the sync (Esc); what was read so far is kept</source>
        <translation>Arrêter la synchronisation (Échap)&#xa0;; ce qui a déjà été lu est conservé</translation>
    </message>
    <message numerus="yes">
        <source>%Ln of {total} errors shown</source>
        <translation>
            <numerusform>%Ln erreur affichée sur {total}</numerusform>
            <numerusform>%Ln erreurs affichées sur {total}</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync {when}</source>
        <translation>Dernière synchronisation {when}</translation>
    </message>
    <message>
        <source>API {used} / {limit}</source>
        <translation>API {used} / {limit}</translation>
    </message>
    <message>
        <source>API requests used in the last 24 hours / the org&apos;s daily limit</source>
        <translation>Requêtes API utilisées ces dernières 24 heures / limite quotidienne de l’organisation</translation>
    </message>
    <message numerus="yes">
        <source>%Ln job(s) could not be read</source>
        <translation>
            <numerusform>%Ln tâche n’a pas pu être lue</numerusform>
            <numerusform>%Ln tâches n’ont pas pu être lues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln older job(s) not read</source>
        <translation>
            <numerusform>%Ln tâche plus ancienne non lue</numerusform>
            <numerusform>%Ln tâches plus anciennes non lues</numerusform>
        </translation>
    </message>
    <message>
        <source>Read them</source>
        <translation>Les lire</translation>
    </message>
    <message numerus="yes">
        <source>The org still holds %Ln job(s) last changed before {when}, where the time window starts; their errors are not shown. To read them, untick From (or set it earlier) under Filters and press F5; &apos;Read them&apos; does that.</source>
        <translation>
            <numerusform>L’organisation contient encore %Ln tâche modifiée pour la dernière fois avant le {when}, où commence la période&#xa0;; ses erreurs ne sont pas affichées. Pour la lire, décochez «&#xa0;Du&#xa0;» (ou avancez-le) dans Filtres et appuyez sur F5&#xa0;; «&#xa0;Les lire&#xa0;» le fait pour vous.</numerusform>
            <numerusform>L’organisation contient encore %Ln tâches modifiées pour la dernière fois avant le {when}, où commence la période&#xa0;; leurs erreurs ne sont pas affichées. Pour les lire, décochez «&#xa0;Du&#xa0;» (ou avancez-le) dans Filtres et appuyez sur F5&#xa0;; «&#xa0;Les lire&#xa0;» le fait pour vous.</numerusform>
        </translation>
    </message>
    <message>
        <source>Listing jobs…</source>
        <translation>Lecture de la liste des tâches…</translation>
    </message>
    <message numerus="yes">
        <source>{jobs} · %Ln row(s)</source>
        <translation>
            <numerusform>{jobs} · %Ln ligne</numerusform>
            <numerusform>{jobs} · %Ln lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling the save…</source>
        <translation>Annulation de la sauvegarde…</translation>
    </message>
    <message>
        <source>Cancelling… (what was read is kept)</source>
        <translation>Annulation… (ce qui a été lu est conservé)</translation>
    </message>
    <message numerus="yes">
        <source>Saving %Ln row(s) to the archive…</source>
        <translation>
            <numerusform>Sauvegarde de %Ln ligne dans l’archive…</numerusform>
            <numerusform>Sauvegarde de %Ln lignes dans l’archive…</numerusform>
        </translation>
    </message>
    <message>
        <source>{saving} · {seconds} s</source>
        <translation>{saving} · {seconds}&#xa0;s</translation>
    </message>
    <message>
        <source>Fix and reload</source>
        <translation>Corriger et recharger</translation>
    </message>
    <message>
        <source>Set column…</source>
        <translation>Définir la colonne…</translation>
    </message>
    <message>
        <source>Map values…</source>
        <translation>Remplacer des valeurs…</translation>
    </message>
    <message>
        <source>Fill empty…</source>
        <translation>Remplir les cellules vides…</translation>
    </message>
    <message>
        <source>Drop selected rows</source>
        <translation>Retirer les lignes sélectionnées</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler la dernière modification</translation>
    </message>
    <message>
        <source>No cell changed yet: edit a cell or use a fix above.</source>
        <translation>Aucune cellule modifiée pour l’instant&#xa0;: modifiez une cellule ou utilisez une correction ci-dessus.</translation>
    </message>
    <message>
        <source>Keep failed rows for another round</source>
        <translation>Garder les lignes en échec pour un nouveau tour</translation>
    </message>
    <message>
        <source>Reload…</source>
        <translation>Recharger…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Keep at least one row: use Close to reload nothing.</source>
        <translation>Gardez au moins une ligne&#xa0;: utilisez Fermer pour ne rien recharger.</translation>
    </message>
    <message>
        <source>Checking your permissions…</source>
        <translation>Vérification de vos autorisations…</translation>
    </message>
    <message>
        <source>check your permissions</source>
        <translation>vérifier vos autorisations</translation>
    </message>
    <message>
        <source>You cannot reload these rows yet:

{missing}</source>
        <translation>Vous ne pouvez pas encore recharger ces lignes&#xa0;:

{missing}</translation>
    </message>
    <message>
        <source>Missing permissions</source>
        <translation>Autorisations manquantes</translation>
    </message>
    <message numerus="yes">
        <source>Reloading %Ln rows…</source>
        <translation>
            <numerusform>Rechargement de %Ln ligne…</numerusform>
            <numerusform>Rechargement de %Ln lignes…</numerusform>
        </translation>
    </message>
    <message>
        <source>Job {job} created: uploading the rows…</source>
        <translation>Tâche {job} créée&#xa0;: envoi des lignes…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed again</source>
        <translation>
            <numerusform>%Ln de nouveau en échec</numerusform>
            <numerusform>%Ln de nouveau en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln were not processed</source>
        <translation>
            <numerusform>%Ln non traitée</numerusform>
            <numerusform>%Ln non traitées</numerusform>
        </translation>
    </message>
    <message>
        <source>no row was processed</source>
        <translation>aucune ligne n’a été traitée</translation>
    </message>
    <message>
        <source>Job {job} ({state}): {outcome}.</source>
        <translation>Tâche {job} ({state})&#xa0;: {outcome}.</translation>
    </message>
    <message>
        <source>Fix the rows, then reload them into {username} at {host} (production org). Double-click a cell to edit it; values are sent exactly as shown.</source>
        <translation>Corrigez les lignes, puis rechargez-les dans {username} sur {host} (organisation de production). Double-cliquez sur une cellule pour la modifier&#xa0;; les valeurs sont envoyées exactement telles qu’affichées.</translation>
    </message>
    <message>
        <source>Fix the rows, then reload them into {username} at {host} (sandbox). Double-click a cell to edit it; values are sent exactly as shown.</source>
        <translation>Corrigez les lignes, puis rechargez-les dans {username} sur {host} (sandbox). Double-cliquez sur une cellule pour la modifier&#xa0;; les valeurs sont envoyées exactement telles qu’affichées.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected errors are not here: their input rows are unknown (job-level or Apex).</source>
        <translation>
            <numerusform>%Ln erreur sélectionnée n’est pas ici&#xa0;: sa ligne d’entrée est inconnue (niveau tâche ou Apex).</numerusform>
            <numerusform>%Ln erreurs sélectionnées ne sont pas ici&#xa0;: leurs lignes d’entrée sont inconnues (niveau tâche ou Apex).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{object} · {operation} on {external_id} (%Ln rows)</source>
        <translation>
            <numerusform>{object} · {operation} sur {external_id} (%Ln ligne)</numerusform>
            <numerusform>{object} · {operation} sur {external_id} (%Ln lignes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{object} · {operation} (%Ln rows)</source>
        <translation>
            <numerusform>{object} · {operation} (%Ln ligne)</numerusform>
            <numerusform>{object} · {operation} (%Ln lignes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed cells will be sent:</source>
        <translation>
            <numerusform>%Ln cellule modifiée sera envoyée&#xa0;:</numerusform>
            <numerusform>%Ln cellules modifiées seront envoyées&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Set a column for all rows</source>
        <translation>Définir une colonne pour toutes les lignes</translation>
    </message>
    <message>
        <source>Map values</source>
        <translation>Remplacer des valeurs</translation>
    </message>
    <message>
        <source>Fill empty values</source>
        <translation>Remplir les cellules vides</translation>
    </message>
    <message>
        <source>Value now (rows)</source>
        <translation>Valeur actuelle (lignes)</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Remplacer par</translation>
    </message>
    <message>
        <source>Apply to all rows</source>
        <translation>Appliquer à toutes les lignes</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation>Colonne&#xa0;:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Valeur&#xa0;:</translation>
    </message>
    <message>
        <source>Put in empty cells:</source>
        <translation>Mettre dans les cellules vides&#xa0;:</translation>
    </message>
    <message>
        <source>Choose a column.</source>
        <translation>Choisissez une colonne.</translation>
    </message>
    <message>
        <source>This changes no cell.</source>
        <translation>Cela ne modifie aucune cellule.</translation>
    </message>
    <message numerus="yes">
        <source>Changes %Ln cells:</source>
        <translation>
            <numerusform>Modifie %Ln cellule&#xa0;:</numerusform>
            <numerusform>Modifie %Ln cellules&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>row {row}, {column}: “{old}” → “{new}”</source>
        <translation>ligne {row}, {column}&#xa0;: «&#xa0;{old}&#xa0;» → «&#xa0;{new}&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… et %Ln de plus</numerusform>
            <numerusform>… et %Ln de plus</numerusform>
        </translation>
    </message>
    <message>
        <source>Production org: confirm the reload</source>
        <translation>Organisation de production&#xa0;: confirmez le rechargement</translation>
    </message>
    <message>
        <source>Confirm the reload</source>
        <translation>Confirmez le rechargement</translation>
    </message>
    <message>
        <source>I understand this changes production data</source>
        <translation>Je comprends que cela modifie des données de production</translation>
    </message>
    <message>
        <source>Reload into production</source>
        <translation>Recharger en production</translation>
    </message>
    <message numerus="yes">
        <source>Reload %Ln rows</source>
        <translation>
            <numerusform>Recharger %Ln ligne</numerusform>
            <numerusform>Recharger %Ln lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>This is a production org: the reload changes live data.</source>
        <translation>Ceci est une organisation de production&#xa0;: le rechargement modifie des données réelles.</translation>
    </message>
    <message>
        <source>This is a sandbox.</source>
        <translation>Ceci est une sandbox.</translation>
    </message>
    <message numerus="yes">
        <source>Send %Ln rows to {object} as {operation} matched on {external_id}.</source>
        <translation>
            <numerusform>Envoyer %Ln ligne à {object} par {operation}, en correspondance sur {external_id}.</numerusform>
            <numerusform>Envoyer %Ln lignes à {object} par {operation}, en correspondance sur {external_id}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send %Ln rows to {object} as {operation}.</source>
        <translation>
            <numerusform>Envoyer %Ln ligne à {object} par {operation}.</numerusform>
            <numerusform>Envoyer %Ln lignes à {object} par {operation}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Org: {username} at {host} (production).</source>
        <translation>Organisation&#xa0;: {username} sur {host} (production).</translation>
    </message>
    <message>
        <source>Org: {username} at {host} (sandbox).</source>
        <translation>Organisation&#xa0;: {username} sur {host} (sandbox).</translation>
    </message>
    <message>
        <source>A Bulk API 2.0 job is created in your name and the values are sent exactly as shown. Salesforce may change records right away; rows it refuses come back with their errors.</source>
        <translation>Une tâche Bulk API 2.0 est créée en votre nom et les valeurs sont envoyées exactement telles qu’affichées. Salesforce peut modifier des enregistrements immédiatement&#xa0;; les lignes qu’il refuse reviennent avec leurs erreurs.</translation>
    </message>
    <message>
        <source>The {operation} operation removes records: this app cannot undo it.</source>
        <translation>L’opération {operation} supprime des enregistrements&#xa0;: cette application ne peut pas l’annuler.</translation>
    </message>
    <message>
        <source>Log in first: a reload writes to the org.</source>
        <translation>Connectez-vous d’abord&#xa0;: un rechargement écrit dans l’organisation.</translation>
    </message>
    <message>
        <source>Select the errors to fix first.</source>
        <translation>Sélectionnez d’abord les erreurs à corriger.</translation>
    </message>
    <message>
        <source>Select the groups to fix first.</source>
        <translation>Sélectionnez d’abord les groupes à corriger.</translation>
    </message>
    <message>
        <source>None of the selected errors can be reloaded: their input rows are unknown (job-level errors and Apex jobs).</source>
        <translation>Aucune des erreurs sélectionnées ne peut être rechargée&#xa0;: leurs lignes d’entrée sont inconnues (erreurs de niveau tâche et tâches Apex).</translation>
    </message>
    <message>
        <source>&amp;Fix and reload…</source>
        <translation>&amp;Corriger et recharger…</translation>
    </message>
    <message>
        <source>&amp;Fix and reload these groups…</source>
        <translation>&amp;Corriger et recharger ces groupes…</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>&amp;Actions</translation>
    </message>
    <message>
        <source>Edit the selected errors and load them into Salesforce again</source>
        <translation>Modifier les erreurs sélectionnées et les charger de nouveau dans Salesforce</translation>
    </message>
    <message>
        <source>Edit the selected groups&apos; errors and load them into Salesforce again</source>
        <translation>Modifier les erreurs des groupes sélectionnés et les charger de nouveau dans Salesforce</translation>
    </message>
    <message>
        <source>Reading the failed rows…</source>
        <translation>Lecture des lignes en échec…</translation>
    </message>
    <message>
        <source>read the failed rows</source>
        <translation>lire les lignes en échec</translation>
    </message>
    <message>
        <source>Sync (F5) to see the reload job&apos;s rows.</source>
        <translation>Synchronisez (F5) pour voir les lignes de la tâche de rechargement.</translation>
    </message>
    <message>
        <source>record the reload in the archive</source>
        <translation>enregistrer le rechargement dans l’archive</translation>
    </message>
    <message>
        <source>look up reloads</source>
        <translation>rechercher les rechargements</translation>
    </message>
    <message numerus="yes">
        <source>The reload of %Ln {object} rows (job {job}) could not be looked up: {reason}</source>
        <translation>
            <numerusform>Le rechargement de %Ln ligne {object} (tâche {job}) n’a pas pu être recherché&#xa0;: {reason}</numerusform>
            <numerusform>Le rechargement de %Ln lignes {object} (tâche {job}) n’a pas pu être recherché&#xa0;: {reason}</numerusform>
        </translation>
    </message>
    <message>
        <source>look up the job</source>
        <translation>rechercher la tâche</translation>
    </message>
    <message numerus="yes">
        <source>The reload of %Ln {object} rows (job {job}), interrupted earlier, has ended. {outcome}</source>
        <translation>
            <numerusform>Le rechargement de %Ln ligne {object} (tâche {job}), interrompu plus tôt, est terminé. {outcome}</numerusform>
            <numerusform>Le rechargement de %Ln lignes {object} (tâche {job}), interrompu plus tôt, est terminé. {outcome}</numerusform>
        </translation>
    </message>
    <message>
        <source>Interrupted reloads</source>
        <translation>Rechargements interrompus</translation>
    </message>
    <message>
        <source>One CSV file per object, operation and external-ID field, with the job&apos;s input columns, then Error and Job ID. Values are exactly as uploaded: formulas are not neutralised, so open the files in a spreadsheet with care. UTF-8 with a byte-order mark, for Excel.</source>
        <translation>Un fichier CSV par objet, opération et champ d’ID externe, avec les colonnes d’entrée de la tâche, puis Error et Job ID. Les valeurs sont exactement celles envoyées&#xa0;: les formules ne sont pas neutralisées, ouvrez donc les fichiers avec prudence dans un tableur. UTF-8 avec marque d’ordre des octets, pour Excel.</translation>
    </message>
    <message>
        <source>Export failed rows for reload</source>
        <translation>Exporter les lignes en échec pour rechargement</translation>
    </message>
    <message>
        <source>The errors shown ({count})</source>
        <translation>Les erreurs affichées ({count})</translation>
    </message>
    <message>
        <source>The selected errors ({count})</source>
        <translation>Les erreurs sélectionnées ({count})</translation>
    </message>
    <message>
        <source>The selected groups&apos; errors ({count})</source>
        <translation>Les erreurs des groupes sélectionnés ({count})</translation>
    </message>
    <message>
        <source>Folder for the reload files</source>
        <translation>Dossier des fichiers de rechargement</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Export failed rows for &amp;reload…</source>
        <translation>Exporter les lignes en échec pour &amp;rechargement…</translation>
    </message>
    <message>
        <source>Writing the reload files…</source>
        <translation>Écriture des fichiers de rechargement…</translation>
    </message>
    <message>
        <source>write the reload files</source>
        <translation>écrire les fichiers de rechargement</translation>
    </message>
    <message>
        <source>Reload files written to {folder}: {summary}</source>
        <translation>Fichiers de rechargement écrits dans {folder}&#xa0;: {summary}</translation>
    </message>
    <message>
        <source>Export for reload failed</source>
        <translation>Échec de l’export pour rechargement</translation>
    </message>
    <message>
        <source>Cancel reload</source>
        <translation>Annuler le rechargement</translation>
    </message>
    <message>
        <source>Cancelling: asking Salesforce to stop the job…</source>
        <translation>Annulation&#xa0;: demande à Salesforce d’arrêter la tâche…</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Unprocessed</source>
        <translation>Non traité</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Previous error</source>
        <translation>Erreur précédente</translation>
    </message>
    <message>
        <source>{field} is required: the previous error said it was missing.</source>
        <translation>{field} est obligatoire&#xa0;: l’erreur précédente l’a indiqué comme manquant.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Was: {value}</source>
        <translation>Avant&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Still missing: {fields}</source>
        <translation>Toujours manquant&#xa0;: {fields}</translation>
    </message>
    <message>
        <source>{outcome}: {error}</source>
        <translation>{outcome}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Record {id}</source>
        <translation>Enregistrement {id}</translation>
    </message>
    <message>
        <source>reload the rows</source>
        <translation>recharger les lignes</translation>
    </message>
    <message>
        <source>Reload cancelled: job {job} was asked to stop (the next sync shows what it did).</source>
        <translation>Rechargement annulé&#xa0;: la tâche {job} a reçu l’ordre de s’arrêter (la prochaine synchronisation montre ce qu’elle a fait).</translation>
    </message>
    <message>
        <source>Reload cancelled before any job was created: nothing was sent.</source>
        <translation>Rechargement annulé avant la création d’une tâche&#xa0;: rien n’a été envoyé.</translation>
    </message>
    <message>
        <source>{phase}: {progress}</source>
        <translation>{phase}&#xa0;: {progress}</translation>
    </message>
    <message>
        <source>Suggested fixes</source>
        <translation>Corrections suggérées</translation>
    </message>
    <message numerus="yes">
        <source>{fix} — changes %Ln cells</source>
        <translation>
            <numerusform>{fix} — modifie %Ln cellule</numerusform>
            <numerusform>{fix} — modifie %Ln cellules</numerusform>
        </translation>
    </message>
    <message>
        <source>sync</source>
        <translation>synchroniser</translation>
    </message>
    <message>
        <source>use the error archive</source>
        <translation>utiliser l’archive des erreurs</translation>
    </message>
    <message>
        <source>● = this error&apos;s type, object and source ID first failed after your last visit</source>
        <translation>● = ce type d’erreur, cet objet et cet ID source ont échoué pour la première fois après votre dernière visite</translation>
    </message>
    <message>
        <source>Failure Date/Time</source>
        <translation>Date/heure de l’échec</translation>
    </message>
    <message>
        <source>Error Details</source>
        <translation>Détails de l’erreur</translation>
    </message>
    <message>
        <source>Reloaded In</source>
        <translation>Rechargée dans</translation>
    </message>
    <message>
        <source>Reload Of</source>
        <translation>Rechargement de</translation>
    </message>
    <message>
        <source>Job Level</source>
        <translation>Niveau tâche</translation>
    </message>
    <message>
        <source>Record Level</source>
        <translation>Niveau enregistrement</translation>
    </message>
    <message>
        <source>only the first {copied} of {selected} selected rows (Export CSV takes all)</source>
        <translation>seulement les {copied} premières des {selected} lignes sélectionnées (Exporter en CSV les prend toutes)</translation>
    </message>
    <message>
        <source>Fit columns to their content</source>
        <translation>Ajuster les colonnes à leur contenu</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so watching cannot go on with the window closed: closing the window quits the app. Watching runs while the window is open.</source>
        <translation>Ce bureau n’a pas de zone de notification&#xa0;: la surveillance ne peut pas continuer fenêtre fermée, et fermer la fenêtre quitte l’application. La surveillance fonctionne tant que la fenêtre est ouverte.</translation>
    </message>
    <message>
        <source>Salesforce Sync Errors: watching</source>
        <translation>Erreurs de synchronisation Salesforce&#xa0;: surveillance en cours</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Pause watching</source>
        <translation>Suspendre la surveillance</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>&amp;Watch…</source>
        <translation>&amp;Surveillance…</translation>
    </message>
    <message>
        <source>Sync in the background and tell of new causes</source>
        <translation>Synchroniser en arrière-plan et signaler les nouvelles causes</translation>
    </message>
    <message>
        <source>Watching: the sync failed</source>
        <translation>Surveillance&#xa0;: la synchronisation a échoué</translation>
    </message>
    <message>
        <source>count the error groups</source>
        <translation>compter les groupes d’erreurs</translation>
    </message>
    <message>
        <source>That cause is not among the rows shown: reset the filter to see it.</source>
        <translation>Cette cause ne fait pas partie des lignes affichées&#xa0;: réinitialisez le filtre pour la voir.</translation>
    </message>
    <message>
        <source>While you are logged in, the app syncs in the background (as F5 does, never while another sync, an export or a purge runs) and tells you once of each change: a new cause, a resolved cause failing again, a job that failed as a whole. A notification names the error code, object and fields, never a record&apos;s values; clicking it opens the window on that cause.</source>
        <translation>Tant que vous êtes connecté, l’application synchronise en arrière-plan (comme F5, jamais pendant une autre synchronisation, un export ou une purge) et vous signale une fois chaque changement&#xa0;: une nouvelle cause, une cause résolue qui échoue de nouveau, une tâche en échec dans son ensemble. Une notification nomme le code d’erreur, l’objet et les champs, jamais les valeurs d’un enregistrement&#xa0;; un clic dessus ouvre la fenêtre sur cette cause.</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>Surveillance</translation>
    </message>
    <message numerus="yes">
        <source>Every %Ln minutes</source>
        <translation>
            <numerusform>Toutes les %Ln minutes</numerusform>
            <numerusform>Toutes les %Ln minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <source>Keep watching when the window is closed</source>
        <translation>Continuer la surveillance quand la fenêtre est fermée</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source> errors</source>
        <comment>after a number in a spin box</comment>
        <translation> erreurs</translation>
    </message>
    <message>
        <source>Sync in the background</source>
        <translation>Synchroniser en arrière-plan</translation>
    </message>
    <message>
        <source>in one sync (a burst)</source>
        <translation>en une synchronisation (un pic)</translation>
    </message>
    <message>
        <source>Also tell me of more than</source>
        <translation>Me signaler aussi plus de</translation>
    </message>
    <message>
        <source>Select rows to copy first.</source>
        <translation>Sélectionnez d’abord les lignes à copier.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s) to the clipboard, ready to paste into a spreadsheet ({note}).</source>
        <translation>
            <numerusform>%Ln ligne copiée dans le presse-papiers, prête à coller dans un tableur ({note}).</numerusform>
            <numerusform>%Ln lignes copiées dans le presse-papiers, prêtes à coller dans un tableur ({note}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s) to the clipboard, ready to paste into a spreadsheet.</source>
        <translation>
            <numerusform>%Ln ligne copiée dans le presse-papiers, prête à coller dans un tableur.</numerusform>
            <numerusform>%Ln lignes copiées dans le presse-papiers, prêtes à coller dans un tableur.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync cancelled: the rows read so far are shown.</source>
        <translation>Synchronisation annulée&#xa0;: les lignes déjà lues sont affichées.</translation>
    </message>
    <message numerus="yes">
        <source>Sync finished: %Ln error(s).</source>
        <translation>
            <numerusform>Synchronisation terminée&#xa0;: %Ln erreur.</numerusform>
            <numerusform>Synchronisation terminée&#xa0;: %Ln erreurs.</numerusform>
        </translation>
    </message>
    <message>
        <source>The rows already shown are kept.</source>
        <translation>Les lignes déjà affichées sont conservées.</translation>
    </message>
    <message>
        <source>The rows this sync read before it stopped are shown too.</source>
        <translation>Les lignes lues par cette synchronisation avant son arrêt sont aussi affichées.</translation>
    </message>
</context>
</TS>
