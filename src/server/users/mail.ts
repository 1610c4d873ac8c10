import type { Language } from '../../contracts/common';

/** The texts of account mails, in the recipient's language. */
export function accountLinkMail(
  kind: 'invite' | 'password_reset',
  language: Language,
  values: { name: string; organisation: string; link: string; inviter: string; days: number },
) {
  const { name, organisation, link, inviter, days } = values;
  if (language === 'en') {
    return kind === 'invite'
      ? {
          subject: `Your Lotse account at ${organisation}`,
          text: `Hello ${name},\n\n${inviter} has invited you to Lotse at ${organisation}.\nChoose your password here (the link works once and for ${days} days):\n\n${link}\n\nIf you did not expect this message, you can ignore it.`,
        }
      : {
          subject: `Set a new Lotse password`,
          text: `Hello ${name},\n\n${inviter} has sent you a link to set a new password for Lotse at ${organisation} (valid once, for ${days} days):\n\n${link}\n\nIf you did not ask for this, tell your administrator.`,
        };
  }
  return kind === 'invite'
    ? {
        subject: `Ihr Lotse-Zugang bei ${organisation}`,
        text: `Hallo ${name},\n\n${inviter} hat Sie zu Lotse bei ${organisation} eingeladen.\nHier legen Sie Ihr Passwort fest (der Link gilt einmal und ${days} Tage lang):\n\n${link}\n\nFalls Sie diese Nachricht nicht erwartet haben, können Sie sie ignorieren.`,
      }
    : {
        subject: `Neues Lotse-Passwort festlegen`,
        text: `Hallo ${name},\n\n${inviter} hat Ihnen einen Link geschickt, mit dem Sie ein neues Passwort für Lotse bei ${organisation} festlegen (einmal gültig, ${days} Tage lang):\n\n${link}\n\nFalls Sie das nicht angefordert haben, sagen Sie bitte Ihrer Administration Bescheid.`,
      };
}
