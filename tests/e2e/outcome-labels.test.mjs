// The localised words content/outcomes.js reads, checked without a browser: selectors.js is
// loaded as the content script is (a classic script publishing globalThis.Rapport), in a
// bare context. Dates are not parsed in JavaScript: the engine's parseRelative has its own
// tests and fuzz target; these are only the patterns that decide what a piece of text is.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import vm from 'node:vm';
import { ROOT } from './harness.mjs';

const context = vm.createContext({});
vm.runInContext(readFileSync(`${ROOT}/extension/content/selectors.js`, 'utf8'), context);
const S = vm.runInContext('globalThis.Rapport.selectors', context);
const accepted = (text) => S.ACCEPTED_TEXT.some((re) => re.test(text));

test('"accepted your invitation" in the languages LinkedIn ships most, and nothing else', () => {
  for (const text of [
    'Chloe Martin accepted your invitation. Send a message to start a conversation.',
    'Chloe Martin a accepté votre invitation.',
    'Chloe Martin hat Ihre Einladung angenommen.',
    'Chloe Martin hat deine Einladung angenommen.',
    'Chloe Martin ha aceptado tu invitación.',
    'Chloe Martin aceptó tu invitación.',
    'Chloe Martin ha accettato il tuo invito.',
    'Chloe Martin aceitou seu convite.',
    'Chloe Martin aceitou o seu convite.',
    'Chloe Martin heeft je uitnodiging geaccepteerd.',
  ]) assert.ok(accepted(text), text);
  for (const text of [
    'Chloe Martin posted: why we accepted the invitation to speak',
    'Chloe Martin invited you to connect',
    'You accepted Chloe Martin’s invitation',
    'Chloe Martin a publié : votre invitation',
  ]) assert.ok(!accepted(text), text);
});

test('the degree badge: 1st in each language is connected; 2nd and 3rd+ are a readable top card; counts are neither', () => {
  for (const t of ['· 1st', '1st', '· 1er', '1.', '1º', '1°', '1e']) assert.ok(S.FIRST_DEGREE.test(t) && S.ANY_DEGREE.test(t), t);
  for (const t of ['· 2nd', '3rd+', '2e', '2.', '3º']) assert.ok(!S.FIRST_DEGREE.test(t) && S.ANY_DEGREE.test(t), t);
  for (const t of ['1', '12', '1 mutual connection', '500+', '1st degree connection']) assert.ok(!S.ANY_DEGREE.test(t), t);
});

test('Pending and "Sent … ago" by their first word; the Withdraw word alone', () => {
  for (const t of ['Pending, click to withdraw invitation sent to Ana Lima', 'En attente, cliquez pour retirer l’invitation', 'Ausstehend', 'Pendiente', 'In sospeso', 'Pendente']) assert.ok(S.PENDING_LABEL.test(t), t);
  for (const t of ['Invite Ana Lima to connect', 'Message Ana Lima', 'Pendingly']) assert.ok(!S.PENDING_LABEL.test(t), t);
  for (const t of ['Sent 3 weeks ago', 'Envoyée il y a 2 semaines', 'Gesendet vor 3 Wochen', 'Enviada hace 1 semana', 'Inviato 2 settimane fa', 'Enviado há 3 semanas']) assert.ok(S.SENT_AGO.test(t), t);
  assert.ok(!S.SENT_AGO.test('Sentiment analysis at Acme'));
  for (const t of ['Withdraw', 'Retirer', 'Zurückziehen', 'Retirar', 'Ritira']) assert.ok(S.WITHDRAW_WORD.test(t), t);
  assert.ok(!S.WITHDRAW_WORD.test('Withdraw invitation sent to Ana Lima and 3 others'));
});

test('the names in labels: "Withdraw invitation sent to <Name>" (and early 2026\'s "Withdrawn"), "<Name>’s profile picture"', () => {
  const withdrawn = (t) => S.WITHDRAW_NAME.exec(t)?.[1];
  assert.equal(withdrawn('Withdraw invitation sent to Ana Lima'), 'Ana Lima');
  assert.equal(withdrawn('Withdrawn invitation sent to Ana Lima'), 'Ana Lima');
  assert.equal(withdrawn('Withdraw'), undefined);
  assert.equal(withdrawn('Pending, click to withdraw invitation sent to Ana Lima'), undefined);
  const pictured = (t) => S.PICTURE_NAME.exec(t)?.[1];
  assert.equal(pictured('Ana Lima’s profile picture'), 'Ana Lima');
  assert.equal(pictured("Ana Lima's profile picture"), 'Ana Lima');
  assert.equal(pictured('Ana Lima'), undefined);
  assert.equal(pictured('Profile picture'), undefined);
});

test('"Connected …" on the connections page by its first word; not a headline that merely contains it', () => {
  for (const t of ['Connected on December 2, 2026', 'Connected 1 day ago', 'Vernetzt am 2. Dezember 2026']) assert.ok(S.CONNECTED_TEXT.test(t), t);
  for (const t of ['Connectedness researcher at Acme', 'Stay connected', 'Data Engineer at Initech']) assert.ok(!S.CONNECTED_TEXT.test(t), t);
});

test('the pages, by path', () => {
  assert.ok(S.SENT_PATH.test('/mynetwork/invitation-manager/sent/'));
  assert.ok(!S.SENT_PATH.test('/mynetwork/invitation-manager/received/'));
  assert.ok(S.ACCEPTED_PATH.test('/notifications/') && S.ACCEPTED_PATH.test('/mynetwork/'));
  assert.ok(!S.ACCEPTED_PATH.test('/mynetwork/invitation-manager/sent/'));
  assert.ok(S.CONNECTIONS_PATH.test('/mynetwork/invite-connect/connections/'));
});
