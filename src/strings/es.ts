/** Español. */
import type { Messages } from './en.ts';
import { counter, pluralRules } from './plural.ts';

const plural = pluralRules('es');
const count = counter('es');
/** A time as `Intl` wrote it, with its article: "la 1:05" (la una), "las 13:05". */
const atHour = (time: string) => `${/^0?1\D/.test(time) ? 'la' : 'las'} ${time}`;

export const es: Messages = {
  title: 'Gestionar usuarios',
  inviteNewUsers: 'Invitar nuevos usuarios',
  manageSubgroups: 'Subgrupos',
  tabs: 'Listas de usuarios',
  tabUsers: 'Usuarios',
  tabPending: 'Pendientes',
  tabDeactivated: 'Desactivados',
  tabActivity: 'Actividad',
  loading: 'Cargando…',
  retry: 'Reintentar',
  close: 'Cerrar',
  cancel: 'Cancelar',

  seats: 'Plazas',
  seatsSummary: (used, total) => `${count(used)} de ${count(total)} plazas ocupadas`,
  seatsTotal: 'Total',
  seatsActive: 'Activas',
  seatsPending: 'Pendientes, válidas o caducadas',
  seatsValid: 'Aún válidas',
  seatsExpired: 'Caducadas',
  seatsAvailable: 'Libres',
  seatsExplain:
    'Las invitaciones pendientes, válidas o caducadas, ocupan una plaza hasta que se aceptan o se eliminan.',

  learnerTitle: 'Su cuenta',
  learnerBody: (name, email) => `Ha iniciado sesión como ${name} (${email}), Alumno de este grupo.`,
  learnerHint:
    'Los alumnos solo pueden ver su propio progreso. Pida a un administrador de su grupo que invite a personas o cambie usuarios.',

  learners: 'Alumnos',
  admins: 'Administradores',
  learner: 'Alumno',
  admin: 'Administrador',
  learnersHint: 'Los alumnos solo pueden ver su propio progreso.',
  adminsHint: 'Los administradores pueden ver el progreso de todos los alumnos e invitar a otros usuarios.',

  inviteTitle: 'Invitar nuevos usuarios',
  inviteIntro: 'Cada persona recibirá un correo con instrucciones para configurar su cuenta.',
  userType: 'Tipo de usuario',
  boxTitle: (role, n) => `${role} ${n}`,
  emails: 'Direcciones de correo',
  emailsAdded: 'Direcciones añadidas',
  emailsHint: 'Escriba o pegue direcciones separadas por comas, espacios o saltos de línea.',
  subgroup: 'Subgrupo (opcional)',
  subgroupHint: 'Elija un subgrupo existente o escriba un nombre nuevo para crearlo.',
  subgroupWillBeCreated: (name) => `Se creará el subgrupo nuevo «${name}».`,
  addLearners: 'Añadir alumnos',
  addAdmins: 'Añadir administradores',
  removeBox: (title) => `Quitar ${title}`,
  removeEmail: (email) => `Quitar ${email}`,
  chipInvalid: 'no es una dirección válida',
  chipDuplicate: 'ya está en esta invitación',
  moreAddresses: (n) => `y ${count(n)} ${plural(n, 'dirección más', 'direcciones más')}`,
  moreRows: (n) => `… y ${count(n)} ${plural(n, 'fila más', 'filas más')}`,
  inviteUsers: 'Invitar usuarios',
  sending: 'Enviando…',
  sendingLocked: 'Las direcciones no se pueden cambiar mientras se envían.',
  sendingProgress: (done, total) =>
    `Enviando ${count(done)} de ${count(total)} ${plural(total, 'dirección', 'direcciones')}…`,
  sentPart: (sent, total) =>
    `${plural(sent, 'Se envió', 'Se enviaron')} ${count(sent)} de ${count(total)} ${plural(total, 'dirección', 'direcciones')}; ${
      total - sent === 1 ? 'la otra no se envió y sigue' : `las otras ${count(total - sent)} no se enviaron y siguen`
    } aquí.`,
  closeWhileSending: 'Las invitaciones se están enviando y saldrán aunque cierre este diálogo.',
  invalidLeft: (n: number) =>
    `Corrija o quite ${count(n)} ${plural(n, 'dirección no válida', 'direcciones no válidas')} antes de enviar.`,
  nothingToSend: 'Añada al menos una dirección de correo.',
  seatPreview: (n, free) =>
    `Se ${plural(n, 'enviará 1 invitación', `enviarán ${count(n)} invitaciones`)}; hay ${count(free)} ${plural(free, 'plaza libre', 'plazas libres')}.`,
  seatShortfall: (pending, expired) =>
    `No hay plazas suficientes. Las invitaciones pendientes ocupan ${count(pending)} ${plural(pending, 'plaza', 'plazas')} y las caducadas ${count(expired)}. Elimine las que ya no necesite para liberar plazas.`,
  showExpired: 'Ver invitaciones caducadas',
  removeExpiredN: (n: number) => `Eliminar ${count(n)} ${plural(n, 'invitación caducada', 'invitaciones caducadas')}`,
  confirmRemoveExpired: (n: number) =>
    `¿Eliminar ${count(n)} ${plural(n, 'invitación caducada', 'invitaciones caducadas')}? Se ${plural(n, 'libera 1 plaza', `liberan ${count(n)} plazas`)}.`,
  csvChoose: 'Elegir archivo CSV',
  csvDrop: 'o suelte aquí un archivo CSV',
  csvPreview: (rows, boxes) =>
    `${count(rows)} ${plural(rows, 'dirección', 'direcciones')} en ${count(boxes)} ${plural(boxes, 'grupo', 'grupos')}`,
  csvAdd: 'Añadir a la invitación',
  csvFlagged: (n) => `${count(n)} ${plural(n, 'fila no recibirá', 'filas no recibirán')} una invitación nueva:`,
  csvLeaveOut: (n) => `Omitir ${count(n)} ${plural(n, 'fila', 'filas')}`,
  draftKept: 'Borrador guardado.',
  clearDraft: 'Borrar',
  draftCleared: 'Borrador borrado.',
  csvNoEmail: 'Este archivo no tiene una columna de direcciones de correo.',
  results: 'Resultados',
  resultInvited: 'Invitado, correo en cola',
  resultAlreadyInvited: 'Ya invitado',
  resultAlreadyMember: 'Ya es miembro',
  resultDeactivated: 'Miembro desactivado',
  resultReactivated: 'Reactivado',
  resultInvalid: 'Dirección no válida',
  resultDuplicate: 'Repetida',
  resultsSummary: (n: number) =>
    `${count(n)} ${plural(n, 'invitación en cola de envío', 'invitaciones en cola de envío')}.`,
  subgroupsCreated: (n, names) => `${plural(n, 'Subgrupo nuevo creado', 'Subgrupos nuevos creados')}: ${names}.`,
  inviteMore: 'Invitar a más',
  done: 'Listo',
  resend: 'Reenviar',
  resent: 'Reenviada',

  errorNetwork:
    'No se pudo conectar con el servidor. Compruebe que tiene conexión a internet e inténtelo de nuevo; no se ha perdido nada de lo que escribió. Si sigue fallando, puede que el servidor no esté disponible o que no acepte solicitudes desde esta página: avise a quien administra su plataforma de formación.',
  errorTimeout:
    'El servidor tardó demasiado en responder. Inténtelo de nuevo; no se ha perdido nada de lo que escribió.',
  errorServer: 'Algo falló en el servidor. Inténtelo de nuevo en un momento; no se ha perdido nada de lo que escribió.',
  errorForbidden: 'Solo los administradores de este grupo pueden hacer esto.',
  errorUnauthenticated: 'Su sesión ha terminado. Vuelva a iniciar sesión e inténtelo de nuevo.',
  errorNotFound: 'Ese elemento ya no existe. Se ha actualizado la lista.',
  errorSeats: (required, available) =>
    `Se ${plural(required, 'necesita 1 plaza', `necesitan ${count(required)} plazas`)}, pero ${available === 0 ? 'no hay ninguna libre' : `solo ${plural(available, 'hay 1 libre', `hay ${count(available)} libres`)}`}.`,
  errorRateLimited: 'Demasiadas solicitudes. Espere un momento e inténtelo de nuevo.',
  errorSubgroupExists: 'Ya existe un subgrupo con ese nombre.',
  errorGeneric: 'No ha funcionado. Inténtelo de nuevo.',

  pendingCaption: 'Invitaciones pendientes',
  search: 'Buscar',
  searchEmail: 'Buscar por correo',
  filterStatus: 'Estado',
  filterRole: 'Tipo',
  filterSubgroup: 'Subgrupo',
  all: 'Todos',
  statusPending: 'Pendiente',
  statusExpired: 'Caducada',
  statusUndelivered: 'No entregada',
  colEmail: 'Correo',
  colType: 'Tipo',
  colSubgroup: 'Subgrupo',
  colStatus: 'Estado',
  colExpiry: 'Caducidad',
  colInvitedBy: 'Invitado por',
  colLastSent: 'Último envío',
  sentTimes: (n) => `Enviada ${n} ${plural(n, 'vez', 'veces')}`,
  colActions: 'Acciones',
  selectAll: 'Seleccionar todo en esta página',
  selectRow: (email) => `Seleccionar ${email}`,
  expiresIn: (relative) => `caduca ${relative}`,
  expiredAgo: (relative) => `caducó ${relative}`,
  selected: (n: number) => `${n} ${plural(n, 'seleccionada', 'seleccionadas')}`,
  resendSelected: 'Reenviar',
  remove: 'Eliminar',
  removeAllExpired: 'Eliminar todas las caducadas',
  selectAllMatching: (n: number) => `Seleccionar las ${count(n)} que coinciden`,
  allMatchingSelected: (n: number) => `Seleccionadas las ${count(n)} que coinciden`,
  clearSelection: 'Quitar la selección',
  confirmRemove: (n: number) =>
    `¿Eliminar ${count(n)} ${plural(n, 'invitación', 'invitaciones')}? Se ${plural(n, 'libera 1 plaza', `liberan ${count(n)} plazas`)}.`,
  removingN: (n: number) => `Eliminando ${count(n)} ${plural(n, 'invitación', 'invitaciones')}…`,
  resendingN: (n: number) => `Reenviando ${count(n)} ${plural(n, 'invitación', 'invitaciones')}…`,
  removedN: (n: number) =>
    `${plural(n, '1 invitación eliminada', `${count(n)} invitaciones eliminadas`)}; ${plural(n, '1 plaza liberada', `${count(n)} plazas liberadas`)}.`,
  resentN: (n: number) => `${plural(n, '1 invitación reenviada', `${count(n)} invitaciones reenviadas`)}.`,
  resentTo: (n: number, emails: string) =>
    `${plural(n, '1 invitación reenviada', `${count(n)} invitaciones reenviadas`)}: ${emails}.`,
  resendWaitUntil: (n: number, time: string, emails: string) =>
    `No se ${plural(n, 'reenvió', 'reenviaron')}: ${emails}. ${plural(n, 'Se envió', 'Se enviaron')} hace menos de un minuto; inténtelo de nuevo después de ${atHour(time)}.`,
  resendWaitN: (n: number) =>
    `${plural(n, '1 no se reenvió', `${count(n)} no se reenviaron`)}: ${plural(n, 'se envió', 'se enviaron')} hace menos de un minuto.`,
  resendNotFound: (n: number, emails: string) =>
    `No ${plural(n, 'se encontró', 'se encontraron')}: ${emails}. ${plural(n, 'Se aceptó o se eliminó', 'Se aceptaron o se eliminaron')} entretanto.`,
  resendPerson: (email: string) => `Reenviar ${email}`,
  resultsCount: (n: number) => `${count(n)} ${plural(n, 'resultado', 'resultados')}`,
  noInvitationsMatch: 'Ninguna invitación coincide',
  noUsersMatch: 'Ningún usuario coincide',
  noPending: 'No hay invitaciones pendientes.',
  noMatches: 'Nada coincide con estos filtros.',
  pageOf: (from, to, total) => `${from}–${to} de ${total}`,
  previousPage: 'Página anterior',
  nextPage: 'Página siguiente',
  none: '—',

  usersCaption: 'Usuarios activos',
  deactivatedCaption: 'Usuarios desactivados',
  searchUsers: 'Buscar por nombre o correo',
  colName: 'Nombre',
  colJoined: 'Alta',
  deactivate: 'Desactivar',
  reactivate: 'Reactivar',
  deactivatePerson: (name: string) => `Desactivar a ${name}`,
  reactivatePerson: (name: string) => `Reactivar a ${name}`,
  confirmDeactivate: (name) => `¿Desactivar a ${name}? Perderá el acceso y se liberará su plaza.`,
  deactivated: (name) => `${name} se ha desactivado; se ha liberado una plaza.`,
  reactivated: (name) => `${name} se ha reactivado.`,
  reactivateNoSeat:
    'No hay plazas libres, así que no se puede reactivar a este usuario. Elimine invitaciones pendientes o caducadas, o desactive a alguien, para liberar una plaza.',
  noUsers: 'No hay usuarios aquí.',
  you: '(usted)',

  subgroupsTitle: 'Subgrupos',
  subgroupName: 'Nombre del subgrupo',
  renameSubgroupField: (name) => `Nuevo nombre para ${name}`,
  addSubgroup: 'Añadir subgrupo',
  rename: 'Cambiar nombre',
  renameNamed: (name) => `Cambiar nombre de ${name}`,
  removeNamed: (name) => `Eliminar ${name}`,
  save: 'Guardar',
  subgroupCounts: (members, invitations) =>
    `${count(members)} ${plural(members, 'miembro', 'miembros')}, ${count(invitations)} ${plural(invitations, 'invitación pendiente', 'invitaciones pendientes')}`,
  confirmRemoveSubgroup: (name) =>
    `¿Eliminar el subgrupo «${name}»? Sus miembros e invitaciones se mantienen, sin subgrupo.`,
  noSubgroups: 'Todavía no hay subgrupos.',
  subgroupAdded: (name: string) => `Subgrupo «${name}» añadido.`,
  subgroupRenamed: (from: string, to: string) => `Subgrupo «${from}» renombrado a «${to}».`,
  subgroupRemoved: (name: string) => `Subgrupo «${name}» eliminado.`,
};
