/**
 * "Mức độ công khai thông tin": each item the law asks the portal to publish, as đủ / quá hạn cập
 * nhật / chưa có, with the last update and a link to where an editor fixes it. The figures come
 * from GET /cong/compliance (cms/src/lib/compliance.ts); the list itself is
 * content-types/src/compliance.ts.
 */
import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Badge, Box, Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';

interface Row {
  key: string;
  name: string;
  status: 'ok' | 'overdue' | 'missing';
  statusLabel: string;
  latest: string | null;
  dueBy: string | null;
  count: number;
  legalBasis: string;
  path: string;
  rhythmLabel: string;
  adminPath: string | null;
  latestText: string;
}

interface Answer {
  today: string;
  /** The public site's base URL. */
  siteUrl: string;
  summary: Record<Row['status'], number>;
  items: Row[];
}

const dmy = (day: string | null) => (day ? day.split('-').reverse().join('/') : '—');
const BADGE = {
  ok: { backgroundColor: 'success100', textColor: 'success700' },
  overdue: { backgroundColor: 'warning100', textColor: 'warning700' },
  missing: { backgroundColor: 'danger100', textColor: 'danger700' },
} as const;

export default function CompliancePage() {
  const { get } = useFetchClient();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    get<Answer>('/cong/compliance').then(
      (res) => setAnswer(res.data),
      () => setFailed(true),
    );
  }, [get]);

  if (failed) return <Page.Error />;
  if (!answer) return <Page.Loading>Đang tải mức độ công khai thông tin…</Page.Loading>;
  const { summary } = answer;
  return (
    <Page.Main>
      <Page.Title>Mức độ công khai thông tin</Page.Title>
      <Layouts.Header
        title="Mức độ công khai thông tin"
        subtitle={`Ngày ${dmy(answer.today)}: ${summary.ok} mục đủ, ${summary.overdue} mục quá hạn cập nhật, ${summary.missing} mục chưa có (trên ${answer.items.length} mục phải công khai).`}
      />
      <Layouts.Content>
        <Box paddingBottom={4}>
          <Typography variant="omega">
            Danh mục theo Luật Tiếp cận thông tin và các quy định về cổng thông tin điện tử; cùng danh mục được công khai tại trang{' '}
            <Link href={`${answer.siteUrl}/danh-muc-thong-tin-cong-khai/`} isExternal>Danh mục thông tin phải công khai</Link> của cổng.
            Bấm “Cập nhật” để mở nơi nhập thông tin còn thiếu hoặc quá hạn.
          </Typography>
        </Box>
        <Table colCount={6} rowCount={answer.items.length + 1}>
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">Thông tin phải công khai</Typography></Th>
              <Th><Typography variant="sigma">Tình trạng</Typography></Th>
              <Th><Typography variant="sigma">Mới nhất</Typography></Th>
              <Th><Typography variant="sigma">Thời hạn</Typography></Th>
              <Th><Typography variant="sigma">Số mục đã đăng</Typography></Th>
              <Th><Typography variant="sigma">Sửa ở đâu</Typography></Th>
            </Tr>
          </Thead>
          <Tbody>
            {answer.items.map((row) => (
              <Tr key={row.key} data-compliance-item={row.key} data-status={row.status}>
                <Td style={{ whiteSpace: 'normal', maxWidth: '28rem' }}>
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <Typography fontWeight="semiBold">{row.name}</Typography>
                    <Typography variant="pi" textColor="neutral600">{row.legalBasis}</Typography>
                  </Flex>
                </Td>
                <Td>
                  <Badge {...BADGE[row.status]}>{row.statusLabel}</Badge>
                </Td>
                <Td><Typography>{row.latestText}</Typography></Td>
                <Td style={{ whiteSpace: 'normal' }}>
                  <Typography>{row.rhythmLabel}{row.status === 'overdue' && row.dueBy ? ` (hạn: ${dmy(row.dueBy)})` : ''}</Typography>
                </Td>
                <Td><Typography>{row.count}</Typography></Td>
                <Td>
                  {row.adminPath ? (
                    <Link tag={RouterLink} to={row.adminPath.replace(/^\/admin/, '')}>Cập nhật</Link>
                  ) : (
                    <Typography textColor="neutral600">Tự động</Typography>
                  )}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Layouts.Content>
    </Page.Main>
  );
}
