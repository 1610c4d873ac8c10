/**
 * The mails of partner accounts: German first, in plain words (a job centre's or a chamber's staff
 * read them once, often on a phone), English below. They name the organisation and the institution
 * and say what comes next, including the second factor at the first login.
 */

interface Invitation {
  name: string;
  organisation: string;
  institution: string;
  inviter: string;
}

/** The invitation with the one-time link that sets the password. */
export function partnerInvitationMail(v: Invitation, link: string, days: number) {
  return {
    subject: `Einladung zu Lotse: ${v.organisation} / Invitation to Lotse`,
    text: [
      `Hallo ${v.name},`,
      '',
      `${v.inviter} von ${v.organisation} lädt Sie zu Lotse ein. Sie arbeiten dort für ${v.institution}.`,
      '',
      `In Lotse sehen Sie die Fallkonferenzen, zu denen ${v.institution} eingeladen ist, und die Zusagen Ihrer Institution. Von einem Fall sehen Sie nur, was die Person mit ihrer Einwilligung für Ihre Institution freigegeben hat.`,
      '',
      'So geht es:',
      `1. Öffnen Sie diesen Link und legen Sie ein Passwort fest. Der Link gilt einmal und ${days} Tage lang:`,
      `   ${link}`,
      '2. Melden Sie sich an. Beim ersten Mal richten Sie einen zweiten Faktor ein: eine Authenticator-App auf Ihrem Handy (zum Beispiel FreeOTP, Google Authenticator oder Microsoft Authenticator). Die App zeigt Ihnen bei jeder Anmeldung einen neuen Code.',
      '',
      'Haben Sie diese Einladung nicht erwartet? Dann können Sie diese Nachricht einfach löschen.',
      '',
      '---',
      '',
      `Hello ${v.name},`,
      '',
      `${v.inviter} of ${v.organisation} invites you to Lotse, where you act for ${v.institution}. You will see the case conferences ${v.institution} is invited to and your institution's commitments — of each case only what the person's consent shares with your institution.`,
      '',
      `1. Open the link above and choose a password (it works once, for ${days} days).`,
      '2. Log in. The first time, you set up a second factor: an authenticator app on your phone, which shows a new code at each login.',
      '',
      'If you did not expect this invitation, you can delete this message.',
    ].join('\n'),
  };
}

/** To a person who already has a Lotse account (a partner of another organisation): no new password. */
export function partnerAddedMail(v: Invitation, loginUrl: string) {
  return {
    subject: `Lotse: Sie arbeiten jetzt auch für ${v.organisation} / Now also for ${v.organisation}`,
    text: [
      `Hallo ${v.name},`,
      '',
      `${v.inviter} von ${v.organisation} hat Ihnen in Lotse Zugang gegeben. Sie arbeiten dort für ${v.institution}.`,
      '',
      `Sie brauchen kein neues Passwort. Melden Sie sich wie immer an: ${loginUrl}`,
      `Nach der Anmeldung wählen Sie, für welche Organisation Sie gerade arbeiten. Sie können jederzeit wechseln.`,
      '',
      '---',
      '',
      `Hello ${v.name},`,
      '',
      `${v.inviter} of ${v.organisation} has given you access in Lotse, where you act for ${v.institution}. You need no new password: log in as usual, then choose the organisation you work for; you can switch at any time.`,
    ].join('\n'),
  };
}
