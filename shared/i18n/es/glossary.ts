import type { Glossary } from '../glossary.ts';

/**
 * Spanish glossary (see `../glossary.ts`): the word for each product term, the forms that count as it
 * in running text, and the alternatives that must not be used. Informal «tú», neutral Spanish.
 */
export const glossary = {
  incident: {
    word: 'Incidente',
    stems: ['incidente'],
    avoid: ['incidencia'],
    note: '«Incidencia» reads as a support issue; the status page speaks of «incidentes».',
  },
  maintenance: { word: 'Mantenimiento programado', stems: ['mantenimiento'] },
  component: { word: 'Componente', stems: ['componente'] },
  operational: { word: 'Operativo', stems: ['operativ'], avoid: ['operacional'] },
  degradedPerformance: {
    word: 'Rendimiento degradado',
    stems: ['rendimiento degradado'],
    avoid: ['rendimiento reducido', 'degradación del rendimiento'],
  },
  partialOutage: {
    word: 'Interrupción parcial',
    stems: ['interrupci\\p{L}* parcial'],
    avoid: ['caída parcial', 'corte parcial'],
  },
  majorOutage: {
    word: 'Interrupción grave',
    stems: ['interrupci\\p{L}* grave'],
    avoid: ['caída total', 'interrupción mayor', 'interrupción importante', 'interrupción total'],
  },
  underMaintenance: { word: 'En mantenimiento', stems: ['en mantenimiento'] },

  investigating: { word: 'Investigando' },
  identified: { word: 'Identificado' },
  monitoring: { word: 'Supervisando' },
  resolved: { word: 'Resuelto', stems: ['resuel', 'resol'], avoid: ['solucionado'] },
  postmortem: { word: 'Análisis posterior' },

  scheduled: { word: 'Programado', stems: ['programad'] },
  inProgress: { word: 'En curso' },
  verifying: { word: 'Verificando' },
  completed: { word: 'Completado' },

  subscribe: { word: 'Suscribirse', stems: ['suscrib', 'suscríb', 'suscripci'], avoid: ['subscri'] },
  unsubscribe: {
    word: 'Cancelar la suscripción',
    stems: ['cancel\\p{L}* (?:\\p{L}+ )?suscripci'],
    avoid: ['dar(?:se|te)? de baja', 'desuscrib', 'anular la suscripción'],
  },
  subscription: { word: 'Suscripción', stems: ['suscripci'], avoid: ['subscripci'] },

  report: {
    word: 'Reporte',
    stems: ['report'],
    avoid: ['informe(?!\\p{L})', 'informes'],
    note: 'The noun is «reporte», the verb «reportar».',
  },
  ticket: { word: 'Ticket', stems: ['ticket'], avoid: ['tique'] },
  helpDesk: {
    word: 'Mesa de ayuda',
    stems: ['mesa de ayuda'],
    avoid: ['help ?desk', 'help-desk', 'centro de ayuda', 'servicio de asistencia'],
  },
  support: { word: 'Soporte', stems: ['soporte'], avoid: ['asistencia técnica'] },
  statusPage: {
    word: 'Página de estado',
    stems: ['páginas? de estado'],
    avoid: ['página del estado', 'página de status'],
  },

  question: { word: 'Consulta' },
  broken: { word: 'Algo no funciona' },
  feature: { word: 'Idea de nueva función' },

  priorityLow: { word: 'Baja' },
  priorityNormal: { word: 'Normal', avoid: ['prioridad media'] },
  priorityHigh: { word: 'Alta' },
  priorityImmediate: { word: 'Inmediata', avoid: ['prioridad urgente'] },
  priorityLowDefinition: { word: 'Detalle estético o menor; puede esperar al trabajo planificado.' },
  priorityNormalDefinition: {
    word: 'Algo funciona mal, pero hay una solución alternativa o afecta a pocas personas. Se planifica según su impacto.',
  },
  priorityHighDefinition: {
    word: 'Una tarea importante de tu equipo está bloqueada y no hay solución alternativa, pero los clientes todavía pueden hacer pedidos y pagar.',
  },
  priorityImmediateDefinition: {
    word: 'Solo para emergencias: los clientes no pueden completar un pedido ni pagar (pago, finalización del pedido, añadir al carrito). Interrumpe el trabajo planificado.',
  },
  workaround: {
    word: 'Solución alternativa',
    stems: ['soluci\\p{L}* alternativa'],
    avoid: ['solución temporal', 'workaround', 'parche'],
  },

  screenshot: {
    word: 'Captura de pantalla',
    stems: ['captur'],
    avoid: ['pantallazo', 'screenshot', 'imagen de pantalla'],
    note: 'Once named, «captura» alone is enough.',
  },
  webhook: { word: 'Webhook', stems: ['webhook'] },
} satisfies Glossary;
