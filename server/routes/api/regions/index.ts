import { SECTOR_LABELS, SECTORS } from '../../../../indexer/types.js';
import type { FastifyPluginAsyncZod } from '../../../plugins/app/route-types.js';
import { regionsRouteSchema } from '../../../schemas/regions.js';

/** `GET /api/regions`: regions with their documents, passage counts per sector, and the sectors. */
const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { schema: regionsRouteSchema }, async () => {
    const index = app.indexHolder.current;
    return {
      regions: index.regions.map((r) => ({
        regionId: r.regionId,
        region: r.region,
        passages: r.passages,
        sectors: r.sectors,
        documents: r.documents.map((d) => ({
          id: d.id,
          title: d.title,
          ...(d.period ? { period: d.period } : {}),
          pageCount: d.pageCount,
          passages: d.passages,
          sections: d.sections.length,
          warnings: d.warnings,
        })),
      })),
      sectors: SECTORS.map((sector) => ({
        sector,
        label: SECTOR_LABELS[sector],
        passages: index.regions.reduce((n, r) => n + r.sectors[sector], 0),
      })),
      embedder: index.embedder,
    };
  });
};

export default regionRoutes;
