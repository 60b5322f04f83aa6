<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Could not {doing} because of an unexpected error ({kind}).</source>
        <translation>Impossible de {doing} à cause d’une erreur inattendue ({kind}).</translation>
    </message>
</context>
</TS>
