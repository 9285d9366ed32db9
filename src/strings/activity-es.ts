/** Spanish words of the Activity tab (see activity-en.ts). */
import type { ActivityMessages } from './activity-en.ts';

export const activityEs: ActivityMessages = {
  caption: 'Actividad',
  filterType: 'Tipo de cambio',
  allChanges: 'Todos los cambios',
  colWhen: 'Cuándo',
  colWho: 'Quién',
  colWhat: 'Qué',
  system: 'Sistema',
  empty: 'Todavía no ha pasado nada en este grupo.',
  types: {
    'invitation.created': 'Invitación enviada',
    'invitation.resent': 'Invitación reenviada',
    'invitation.removed': 'Invitación eliminada',
    'invitation.accepted': 'Invitación aceptada',
    'invitation.expired': 'Invitación caducada',
    'invitation.delivered': 'Invitación entregada',
    'invitation.delivery_failed': 'No entregada',
    'invitation.reminded': 'Recordatorio enviado',
    'member.deactivated': 'Desactivado',
    'member.reactivated': 'Reactivado',
    'subgroup.created': 'Subgrupo creado',
    'subgroup.renamed': 'Subgrupo renombrado',
    'subgroup.removed': 'Subgrupo eliminado',
  },
  what: {
    'invitation.created': (e) => `Invitó a ${e.subject.label}`,
    'invitation.resent': (e) => `Reenvió la invitación a ${e.subject.label}`,
    'invitation.removed': (e) => `Eliminó la invitación a ${e.subject.label}`,
    'invitation.accepted': (e) => `Aceptó la invitación a ${e.subject.label}`,
    'invitation.expired': (e) => `La invitación a ${e.subject.label} caducó`,
    'invitation.delivered': (e) => `Entregó la invitación a ${e.subject.label}`,
    'invitation.delivery_failed': (e) =>
      `No se pudo entregar la invitación a ${e.subject.label}${e.reason ? `: ${e.reason}` : ''}`,
    'invitation.reminded': (e) => `Envió un recordatorio a ${e.subject.label}`,
    'member.deactivated': (e) => `Desactivó a ${e.subject.label}`,
    'member.reactivated': (e) => `Reactivó a ${e.subject.label}`,
    'subgroup.created': (e) => `Creó el subgrupo ${e.subject.label}`,
    'subgroup.renamed': (e) => `Cambió el nombre del subgrupo ${e.previousName ?? ''} a ${e.subject.label}`,
    'subgroup.removed': (e) => `Eliminó el subgrupo ${e.subject.label}`,
  },
};
